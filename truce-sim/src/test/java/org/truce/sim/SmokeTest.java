package org.truce.sim;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.truce.pipeline.Acceptance;
import org.truce.sensing.AcceptedObservation;
import org.truce.sensing.Observation;
import org.truce.time.SimulatedClock;

class SmokeTest {
    @Test
    void smoke() {
        var setup = Scenario.setup();
        long t0 = System.nanoTime();
        Simulation sim = new Simulation(KarabakhFixture.agreement(), setup, 1, setup.start());
        long t1 = System.nanoTime();
        SimulatedClock clock = new SimulatedClock(setup.start());
        List<Observation> obs = new ArrayList<>();
        var summary = sim.run(Duration.ofHours(24), (ch, o) -> { obs.add(o); return new Acceptance.Rejected("x", "y"); }, clock,
                StepListener.none());
        System.out.println("build ms " + (t1 - t0) / 1_000_000 + " run " + summary);
        var truth = sim.groundTruth();
        truth.violations().forEach(v -> System.out.println(v.id() + " " + v.rule() + " " + v.subject() + " " + v.start() + ".." + v.end()
                + " inj=" + v.injected() + " rep=" + v.trueReports() + " obs=" + v.observable()));
        var counts = new java.util.TreeMap<String, Long>();
        obs.forEach(o -> counts.merge(o.kind(), 1L, Long::sum));
        System.out.println(counts);
    }
}
