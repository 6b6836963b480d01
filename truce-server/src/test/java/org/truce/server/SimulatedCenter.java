package org.truce.server;

import java.nio.file.Path;
import java.time.Instant;
import org.truce.agreement.Agreement;
import org.truce.agreement.io.AgreementLoader;
import org.truce.pipeline.CoverageRecorder;
import org.truce.pipeline.Center;
import org.truce.sim.Simulation;
import org.truce.sim.setup.SimulationSetup;
import org.truce.store.memory.InMemoryStore;
import org.truce.testing.TestAgreements;
import org.truce.time.SimulatedClock;

/**
 * The Karabakh scenario's simulated theater run through a real center (the real pipeline, an in-memory store and a
 * coverage recorder) from {@code start} to {@code until}: the same run every time for the same seed.
 */
final class SimulatedCenter {
    final Agreement agreement;
    final SimulatedClock clock;
    final InMemoryStore store = new InMemoryStore();
    final Center center;
    final CoverageRecorder coverage;

    SimulatedCenter(long seed, Instant start, Instant until) {
        Path dir = TestAgreements.scenarioDir("karabakh-2020");
        agreement = AgreementLoader.load(dir);
        SimulationSetup setup = SimulationSetup.load(dir.resolve("simulation.json"));
        clock = new SimulatedClock(start);
        center = Center.builder(agreement).store(store).clock(clock).build();
        coverage = new CoverageRecorder(agreement, store.assets()::find, CoverageRecorder.Config.defaults());
        center.addListener(coverage);
        Simulation sim = new Simulation(agreement, setup, seed, start);
        sim.assets().forEach(store.assets()::save);
        sim.runUntil(until, center, clock, step -> center.tick());
        center.tick();
    }
}
