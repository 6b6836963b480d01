package org.truce.store.jdbc;

import java.util.Optional;
import org.truce.airspace.FlightPlanRepository;
import org.truce.airspace.FlightPlanStoreContractTest;

/** The PostgreSQL flight-plan repository passes the flight-plan store contract, in a fresh schema, and survives a reopen. */
class JdbcFlightPlanStorePostgresContractTest extends FlightPlanStoreContractTest {
    private String schema;
    private JdbcStore store;

    @Override
    protected FlightPlanRepository newRepository() {
        schema = PostgresSchemas.create("truce_flights");
        store = JdbcStore.open(PostgresSchemas.url(schema), PostgresSchemas.USER, PostgresSchemas.PASSWORD);
        return store.flightPlanRepository();
    }

    @Override
    protected Optional<FlightPlanRepository> reopen() {
        store.close();
        store = JdbcStore.open(PostgresSchemas.url(schema), PostgresSchemas.USER, PostgresSchemas.PASSWORD);
        return Optional.of(store.flightPlanRepository());
    }

    @Override
    protected void closeRepository() {
        if (schema == null) return;
        store.close();
        PostgresSchemas.drop(schema);
    }
}
