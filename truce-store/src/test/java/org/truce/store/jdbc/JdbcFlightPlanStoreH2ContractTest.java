package org.truce.store.jdbc;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;
import org.truce.airspace.FlightPlanRepository;
import org.truce.airspace.FlightPlanStoreContractTest;

/** The H2 flight-plan repository passes the flight-plan store contract and survives a reopen. */
class JdbcFlightPlanStoreH2ContractTest extends FlightPlanStoreContractTest {
    @TempDir
    Path dataDir;
    private JdbcStore store;

    @Override
    protected FlightPlanRepository newRepository() {
        store = JdbcStore.h2(dataDir);
        return store.flightPlanRepository();
    }

    @Override
    protected Optional<FlightPlanRepository> reopen() {
        store.close();
        store = JdbcStore.h2(dataDir);
        return Optional.of(store.flightPlanRepository());
    }

    @Override
    protected void closeRepository() {
        store.close();
    }
}
