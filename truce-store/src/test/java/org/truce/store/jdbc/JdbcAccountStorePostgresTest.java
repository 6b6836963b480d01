package org.truce.store.jdbc;

import org.junit.jupiter.api.AfterEach;
import org.truce.accounts.AccountStoreContractTest;

/**
 * Accounts and tokens on PostgreSQL pass the contract, each test in a fresh schema ({@link PostgresSchemas});
 * skipped, with the reason, when no server answers.
 */
class JdbcAccountStorePostgresTest extends AccountStoreContractTest {
    private String schema;
    private JdbcStore store;

    @Override
    protected Repositories newRepositories() {
        schema = PostgresSchemas.create("truce_accounts");
        store = JdbcStore.open(PostgresSchemas.url(schema), PostgresSchemas.USER, PostgresSchemas.PASSWORD);
        return new Repositories(store.accounts(), store.apiTokens());
    }

    @AfterEach
    void dropSchema() {
        if (schema == null) return;
        store.close();
        PostgresSchemas.drop(schema);
    }
}
