package org.truce.sim;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.truce.pipeline.Acceptance;
import org.truce.sensing.AcceptedObservation;
import org.truce.sensing.Observation;
import org.truce.sim.setup.SimulationSetup;
import org.truce.sim.truth.GroundTruth;
import org.truce.time.SimulatedClock;

/** Runs the scenario into a collecting port; 24 h runs are shared between test classes of one JVM. */
final class Runs {
    private static final ConcurrentHashMap<Long, Result> DAYS = new ConcurrentHashMap<>();

    private Runs() {}

    record Result(List<Observation> observations, GroundTruth truth, RunSummary summary, Simulation simulation) { }

    static Result run(SimulationSetup setup, long seed, Duration d) {
        Simulation sim = new Simulation(KarabakhFixture.agreement(), setup, seed, setup.start(), d);
        List<Observation> obs = new ArrayList<>();
        long[] seq = {0};
        SimulatedClock clock = new SimulatedClock(setup.start());
        RunSummary s = sim.run(d, (ch, o) -> {
            obs.add(o);
            seq[0]++;
            return new Acceptance.Accepted(new AcceptedObservation(seq[0], AcceptedObservation.idFor(seq[0]),
                    clock.instant(), ch, o));
        }, clock, StepListener.none());
        return new Result(obs, sim.groundTruth(), s, sim);
    }

    /** The scenario's 24 h day for a seed, run once per JVM. */
    static Result day(long seed) {
        return DAYS.computeIfAbsent(seed, k -> run(Scenario.setup(), k, Duration.ofHours(24)));
    }
}
