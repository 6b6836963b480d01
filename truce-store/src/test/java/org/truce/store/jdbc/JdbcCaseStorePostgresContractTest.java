package org.truce.store.jdbc;

import java.util.Optional;
import org.truce.cases.CaseStoreContractTest;

/** The PostgreSQL case repositories pass the case store contract, each test in a fresh schema, and survive a reopen. */
class JdbcCaseStorePostgresContractTest extends CaseStoreContractTest {
    private String schema;
    private JdbcStore store;

    @Override
    protected Ports newPorts() {
        schema = PostgresSchemas.create("truce_cases");
        store = JdbcStore.open(PostgresSchemas.url(schema), PostgresSchemas.USER, PostgresSchemas.PASSWORD);
        return JdbcCaseStoreH2ContractTest.ports(store);
    }

    @Override
    protected Optional<Ports> reopen() {
        store.close();
        store = JdbcStore.open(PostgresSchemas.url(schema), PostgresSchemas.USER, PostgresSchemas.PASSWORD);
        return Optional.of(JdbcCaseStoreH2ContractTest.ports(store));
    }

    @Override
    protected void closePorts() {
        if (schema == null) return;
        store.close();
        PostgresSchemas.drop(schema);
    }
}
