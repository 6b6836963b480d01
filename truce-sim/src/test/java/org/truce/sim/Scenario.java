package org.truce.sim;

import java.nio.file.Files;
import java.nio.file.Path;
import org.truce.sim.setup.SimulationSetup;

/** The Karabakh scenario's simulation setup, read from the repository. */
final class Scenario {
    private Scenario() {}

    static Path file() {
        Path p = Path.of("../scenarios/karabakh-2020/simulation.json");
        if (!Files.exists(p)) p = Path.of("scenarios/karabakh-2020/simulation.json");
        return p;
    }

    static SimulationSetup setup() {
        return SimulationSetup.load(file());
    }
}
