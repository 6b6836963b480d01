package org.truce.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.truce.pipeline.Acceptance;
import org.truce.sensing.AcceptedObservation;
import org.truce.sensing.Observation;
import org.truce.sim.score.RunRecorder;
import org.truce.sim.setup.SimulationSetup;
import org.truce.sim.truth.EntityTruth;
import org.truce.sim.truth.GroundTruth;
import org.truce.sim.truth.ObservationOrigin;
import org.truce.time.SimulatedClock;

/** The simulator tells what lay behind each observation, without changing what it sends. */
class ObservationOriginTest {
    private static final Duration RUN = Duration.ofHours(3);

    @Test
    void everyTrueReportNamesARealUnitOrFireEventAndTheStreamIsUnchanged() {
        SimulationSetup setup = Scenario.setup();
        Simulation sim = new Simulation(KarabakhFixture.agreement(), setup, 7, setup.start(), RUN);
        RunRecorder recorder = new RunRecorder();
        List<ObservationOrigin> origins = new ArrayList<>();
        List<Observation> sent = new ArrayList<>();
        sim.observeOrigins((o, a, origin) -> {
            origins.add(origin);
            recorder.sent(o, a, origin);
        });
        long[] seq = {0};
        SimulatedClock clock = new SimulatedClock(setup.start());
        sim.run(RUN, (ch, o) -> {
            sent.add(o);
            seq[0]++;
            return new Acceptance.Accepted(new AcceptedObservation(seq[0], AcceptedObservation.idFor(seq[0]),
                    clock.instant(), ch, o));
        }, clock, StepListener.none());
        GroundTruth truth = sim.groundTruth();

        assertThat(origins).hasSameSizeAs(sent);
        assertThat(sent).isEqualTo(Runs.run(setup, 7, RUN).observations());
        Set<String> units = truth.entities().stream().map(EntityTruth::id).collect(Collectors.toSet());
        for (int i = 0; i < sent.size(); i++) {
            switch (origins.get(i)) {
                case ObservationOrigin.OfUnit u -> {
                    assertThat(sent.get(i)).isInstanceOf(Observation.Detection.class);
                    assertThat(units).contains(u.unit());
                }
                case ObservationOrigin.OfFire f -> {
                    assertThat(sent.get(i)).isInstanceOf(Observation.FireCue.class);
                    assertThat(truth.fires()).anyMatch(f::reports);
                }
                case ObservationOrigin.FalseAlarm ignored -> assertThat(sent.get(i))
                        .isInstanceOfAny(Observation.Detection.class, Observation.FireCue.class);
                case ObservationOrigin.OwnReport ignored -> assertThat(sent.get(i))
                        .isInstanceOfAny(Observation.PlatformFix.class, Observation.Footprint.class);
            }
        }
        long trueDetections = origins.stream().filter(o -> o instanceof ObservationOrigin.OfUnit).count();
        assertThat(trueDetections).isPositive();
        assertThat(recorder.detections().values().stream().filter(d -> d.unit().isPresent()).count())
                .isEqualTo(trueDetections);
        long fireCues = origins.stream().filter(o -> o instanceof ObservationOrigin.OfFire).count();
        assertThat(recorder.fireCues().values().stream().mapToLong(List::size).sum()).isEqualTo(fireCues);
    }
}
