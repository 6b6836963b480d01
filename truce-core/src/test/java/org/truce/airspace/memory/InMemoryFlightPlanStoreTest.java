package org.truce.airspace.memory;

import org.truce.airspace.FlightPlanRepository;
import org.truce.airspace.FlightPlanStoreContractTest;

/** The in-memory repository passes the flight-plan store contract. */
class InMemoryFlightPlanStoreTest extends FlightPlanStoreContractTest {
    @Override
    protected FlightPlanRepository newRepository() {
        return new InMemoryFlightPlanRepository();
    }
}
