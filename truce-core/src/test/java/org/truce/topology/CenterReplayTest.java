package org.truce.topology;

import org.truce.pipeline.CoverageStage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.truce.testing.RuleFixtures.*;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.truce.agreement.Agreement;
import org.truce.pipeline.CoverageRecorder;
import org.truce.pipeline.Acceptance;
import org.truce.pipeline.Center;
import org.truce.pipeline.CenterEvent;
import org.truce.pipeline.Processor;
import org.truce.rules.Incident;
import org.truce.sensing.AcceptedObservation;
import org.truce.ground.AssetKind;
import org.truce.store.memory.InMemoryStore;
import org.truce.time.SimulatedClock;

/** {@link Center#snapshot()} and {@link Center#replay()}: restore the latest snapshot, replay only the log's tail. */
class CenterReplayTest {
    private static final Agreement AGREEMENT = agreement();

    private static InMemoryStore store() {
        InMemoryStore s = new InMemoryStore();
        s.assets().save(asset("RU-UAV-01", RU, AssetKind.DRONE));
        s.assets().save(asset("TR-UAV-01", TR, AssetKind.DRONE));
        s.assets().save(asset("TR-OBS-01", TR, AssetKind.STAFF_BEACON));
        s.assets().save(fixedSensor("RU-ACU-01", RU, AssetKind.ACOUSTIC_ARRAY, at(-5_000, 10_000)));
        s.assets().save(fixedSensor("TR-ACU-01", TR, AssetKind.ACOUSTIC_ARRAY, at(5_000, -3_000)));
        return s;
    }

    private static Center center(InMemoryStore store, SimulatedClock clock) {
        return Center.builder(AGREEMENT).store(store).clock(clock).stage(new CoverageStage(
                new CoverageRecorder(AGREEMENT, store.assets()::find, CoverageRecorder.Config.defaults()))).build();
    }

    @Test
    void replayRestoresTheLatestSnapshotAndProcessesOnlyTheTail() {
        List<AcceptedObservation> log = StageSnapshotTest.log();
        InMemoryStore store = store();
        SimulatedClock clock = new SimulatedClock(log.getFirst().received());
        Center live = center(store, clock);
        List<CenterEvent> heard = new ArrayList<>();
        live.addListener(heard::add);
        int half = log.size() / 2;
        for (AcceptedObservation a : log.subList(0, half)) {
            clock.advanceTo(a.received());
            assertThat(live.accept("test", a.observation())).isInstanceOf(Acceptance.Accepted.class);
        }
        Topology.Snapshot midway = live.snapshot();
        assertThat(midway.position()).isEqualTo(half);
        for (AcceptedObservation a : log.subList(half, log.size())) {
            clock.advanceTo(a.received());
            live.accept("test", a.observation());
        }
        List<Incident> incidents = store.incidents().all();
        var coverage = live.stage(CoverageStage.class).orElseThrow().recorder().coverage(log.getFirst().received(),
                log.getLast().received());
        assertThat(incidents).hasSizeGreaterThan(3);

        int before = heard.size();
        live.replay();
        assertThat(heard).as("listeners do not hear a replay").hasSize(before);
        assertThat(live.position()).isEqualTo(log.size());
        assertThat(store.incidents().all()).isEqualTo(incidents);
        assertThat(live.stage(CoverageStage.class).orElseThrow().recorder().coverage(log.getFirst().received(),
                log.getLast().received())).isEqualTo(coverage);

        // A third party with the same log and the midway snapshot gets the same.
        InMemoryStore copy = store();
        for (AcceptedObservation a : store.observations().read(1, Integer.MAX_VALUE)) {
            copy.observations().append(a.received(), a.channel(), a.observation());
        }
        Center third = center(copy, new SimulatedClock(clock.instant()));
        third.replayFrom(midway);
        assertThat(third.position()).isEqualTo(log.size());
        assertThat(third.stageNames()).containsExactly("rules", "coverage");
        // Incidents closed or grown in the tail are rewritten; those of the head come from the snapshot's stages.
        assertThat(copy.incidents().all()).isSubsetOf(incidents);
        assertThat(copy.incidents().all().stream().map(Incident::id)).isNotEmpty();
    }

    @Test
    void aProcessorThatIsNoStageCannotSnapshotButStillReplaysTheWholeLog() {
        InMemoryStore store = store();
        List<AcceptedObservation> seen = new ArrayList<>();
        Center c = Center.builder(AGREEMENT).store(store).clock(new SimulatedClock(AGHDAM_DEADLINE))
                .processor(x -> new Processor() {
                    @Override public List<CenterEvent> process(AcceptedObservation o) {
                        seen.add(o);
                        return List.of();
                    }

                    @Override public List<CenterEvent> advanceTo(Instant now) { return List.of(); }
                }).build();
        store.observations().append(AGHDAM_DEADLINE, "test", fix("TR-OBS-01", AGHDAM_DEADLINE, at(0, 0)));
        c.replay();
        assertThat(seen).hasSize(1);
        assertThatThrownBy(c::snapshot).isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("cannot snapshot");
        c.replay();
        assertThat(seen).as("a second replay only catches up").hasSize(1);
    }
}
