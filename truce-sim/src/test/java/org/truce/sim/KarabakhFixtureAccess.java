package org.truce.sim;

import org.truce.agreement.Agreement;
import org.truce.sim.setup.SimulationSetup;

/** Lets tests in sub-packages reach the package-private fixtures. */
public final class KarabakhFixtureAccess {
    private KarabakhFixtureAccess() {}

    public static Agreement agreement() {
        return KarabakhFixture.agreement();
    }

    public static SimulationSetup setup() {
        return Scenario.setup();
    }
}
