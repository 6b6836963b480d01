package org.truce.store.jdbc;

import org.junit.jupiter.api.AfterEach;
import org.truce.store.Store;
import org.truce.store.StoreContractTest;

/**
 * The PostgreSQL store passes the store contract, each test in a fresh schema ({@link PostgresSchemas}: database
 * {@code test} on 127.0.0.1:5432, user postgres, trust auth; override with {@code -Dtruce.test.postgres.url=...}).
 * Every test is skipped, by assumption and with the reason, when no server answers.
 */
class JdbcStorePostgresContractTest extends StoreContractTest {
    private String schema;

    @Override
    protected Store newStore() {
        schema = PostgresSchemas.create("truce_contract");
        return JdbcStore.open(PostgresSchemas.url(schema), PostgresSchemas.USER, PostgresSchemas.PASSWORD);
    }

    @AfterEach
    void dropSchema() {
        if (schema == null) return;
        store.close();
        PostgresSchemas.drop(schema);
    }
}
