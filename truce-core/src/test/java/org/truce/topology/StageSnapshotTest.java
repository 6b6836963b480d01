package org.truce.topology;

import org.truce.pipeline.HealthStage;
import org.truce.pipeline.FireLocationStage;
import org.truce.pipeline.CoverageStage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.truce.testing.RuleFixtures.*;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.truce.agreement.Agreement;
import org.truce.pipeline.CoverageRecorder;
import org.truce.pipeline.CenterConfig;
import org.truce.pipeline.CenterEvent;
import org.truce.pipeline.RulePipeline;
import org.truce.sensing.AcceptedObservation;
import org.truce.sensing.Asset;
import org.truce.ground.AssetId;
import org.truce.ground.AssetKind;
import org.truce.sensing.FireKind;
import org.truce.ground.ObjectClass;
import org.truce.sensing.Observation;
import org.truce.sensing.health.AssetHealthMonitor;

/**
 * Every stage keeps the {@link Stage} contract: snapshot at any point of a log, restore into a fresh stage, continue
 * — gives the same outputs and the same end state as going straight on; and the snapshot stays valid (immutable)
 * while the original stage goes on.
 */
class StageSnapshotTest {
    private static final Instant T0 = AGHDAM_DEADLINE.minus(Duration.ofMinutes(5));
    private static final Instant END = T0.plus(Duration.ofHours(2));
    private static final Map<String, Asset> ASSETS = Map.of(
            "RU-UAV-01", asset("RU-UAV-01", RU, AssetKind.DRONE),
            "TR-UAV-01", asset("TR-UAV-01", TR, AssetKind.DRONE),
            "TR-OBS-01", asset("TR-OBS-01", TR, AssetKind.STAFF_BEACON),
            "RU-ACU-01", fixedSensor("RU-ACU-01", RU, AssetKind.ACOUSTIC_ARRAY, at(-5_000, 10_000)),
            "TR-ACU-01", fixedSensor("TR-ACU-01", TR, AssetKind.ACOUSTIC_ARRAY, at(5_000, -3_000)));

    /**
     * A log of two hours: two tracked columns (one crossing the line, one inside the Aghdam district at its
     * deadline), a staff excursion, a located launch, drone footprints, and a drone that falls silent twice.
     */
    static List<AcceptedObservation> log() {
        List<Observation> obs = new ArrayList<>();
        obs.addAll(path("RU-UAV-01", T0, 30, 21, -3_000, 10_000, 3_000, 10_000, ObjectClass.APC, AZ, 0.9));
        obs.addAll(path("TR-UAV-01", T0.plusSeconds(7), 30, 21, 30_000, 4_000, 30_500, 4_000, ObjectClass.TANK, AM, 0.8));
        for (int i = 0; i < 10; i++) obs.add(fix("TR-OBS-01", T0.plusSeconds(13 + 60L * i), at(30_100 + 100 * i, -19_900)));
        obs.add(locatedCue("RU-ACU-01", T0.plusSeconds(100), FireKind.LAUNCH, at(-4_000, 2_000), 150));
        obs.add(locatedCue("TR-ACU-01", T0.plusSeconds(130), FireKind.LAUNCH, at(-4_200, 2_100), 300));
        for (int m = 0; m < 120; m += 2) {
            // RU-UAV-01 looks at the line every two minutes, silent from minute 40 to 70.
            if (m >= 40 && m < 70) continue;
            Instant t = T0.plus(Duration.ofMinutes(m)).plusSeconds(3);
            obs.add(new Observation.Footprint(AssetId.of("RU-UAV-01"), t, List.of(at(-2_000 + 50 * m, 8_000),
                    at(-2_000 + 50 * m, 12_000), at(2_000 + 50 * m, 12_000), at(2_000 + 50 * m, 8_000),
                    at(-2_000 + 50 * m, 8_000)), 0.8));
            obs.add(fix("RU-UAV-01", t, at(50 * m, 10_000)));
        }
        obs.sort(Comparator.comparing(Observation::time));
        List<AcceptedObservation> log = new ArrayList<>();
        for (Observation o : obs) {
            long seq = log.size() + 1;
            log.add(new AcceptedObservation(seq, AcceptedObservation.idFor(seq), o.time(), "test", o));
        }
        return log;
    }

    private static Optional<Asset> find(AssetId id) {
        return Optional.ofNullable(ASSETS.get(id.value()));
    }

    @Test
    void rulesStageContinuesFromASnapshotAsItWouldHave() {
        Agreement a = agreement();
        var outputs = checkContract(() -> new RulePipeline(a, CenterConfig.defaults(), StageSnapshotTest::find),
                s -> List.of());
        assertThat(outputs).filteredOn(e -> e instanceof CenterEvent.IncidentChanged).hasSizeGreaterThan(4);
        assertThat(outputs).filteredOn(e -> e instanceof CenterEvent.TrackUpdated).isNotEmpty();
    }

    @Test
    void coverageStageContinuesFromASnapshotAsItWouldHave() {
        Agreement a = agreement();
        checkContract(() -> new CoverageStage(new CoverageRecorder(a, StageSnapshotTest::find,
                CoverageRecorder.Config.defaults())), s -> {
                    CoverageRecorder r = s.recorder();
                    return List.of(r.coverage(T0.minus(Duration.ofHours(1)), END), r.summary(
                            java.time.LocalDate.ofInstant(T0, java.time.ZoneOffset.UTC)), r.newest(), r.skipped(),
                            r.observed(new org.truce.cases.Area.Circle(at(0, 10_000), 3_000), T0, END).size());
                });
    }

    @Test
    void healthStageContinuesFromASnapshotAsItWouldHave() {
        var outputs = checkContract(() -> new HealthStage(AssetHealthMonitor.withDefaults(
                id -> find(id).map(Asset::sensor))), s -> ASSETS.keySet().stream().sorted()
                .map(id -> s.status(AssetId.of(id))).toList());
        assertThat(outputs).as("the silent drone goes offline and comes back").hasSizeGreaterThan(2);
    }

    @Test
    void fireLocationStageContinuesFromASnapshotAsItWouldHave() {
        Agreement a = agreement();
        var outputs = checkContract(() -> new FireLocationStage(a, CenterConfig.defaults(), StageSnapshotTest::find),
                s -> List.of());
        assertThat(outputs).as("the two launch reports are one corroborated event").singleElement().satisfies(e -> {
            assertThat(e.id()).isEqualTo("fire:" + e.newCues().getFirst());
            assertThat(e.cues()).isEqualTo(2);
            assertThat(e.location().kind()).isEqualTo(FireKind.LAUNCH);
        });
    }

    @Test
    void aTopologyRestoresEveryStageAndItsPosition() {
        Agreement a = agreement();
        Supplier<Topology> fresh = () -> Topology.builder()
                .stage(new RulePipeline(a, CenterConfig.defaults(), StageSnapshotTest::find))
                .stage(new CoverageStage(new CoverageRecorder(a, StageSnapshotTest::find, CoverageRecorder.Config.defaults())))
                .stage(new HealthStage(AssetHealthMonitor.withDefaults(id -> find(id).map(Asset::sensor))))
                .build();
        Topology t = fresh.get();
        List<AcceptedObservation> log = log();
        log.subList(0, 100).forEach(t::process);
        Topology.Snapshot s = t.snapshot();
        assertThat(s.position()).isEqualTo(100);
        assertThat(s.stages().keySet()).containsExactly(RulePipeline.NAME, CoverageStage.NAME, HealthStage.NAME);
        Topology restored = fresh.get();
        restored.restore(s);
        assertThat(restored.position()).isEqualTo(100);
        assertThatThrownBy(() -> restored.process(log.get(99)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("seq 100");
        Topology other = Topology.builder().stage(new HealthStage(AssetHealthMonitor.withDefaults(id -> Optional.empty())))
                .build();
        assertThatThrownBy(() -> other.restore(s)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[rules, coverage, health]");
    }

    /**
     * Runs the log straight through a stage, then, for several split points, through a stage restored from a
     * snapshot at that point, and checks outputs and end state ({@code state}, of the stage's queries) agree; also
     * that a snapshot is unaffected by the stage going on and can be restored twice. Returns the straight outputs.
     */
    private static <S, O, T extends Stage<S, O>> List<O> checkContract(Supplier<T> fresh, Function<T, Object> state) {
        List<AcceptedObservation> log = log();
        T straight = fresh.get();
        List<O> all = run(straight, log);
        Object endState = state.apply(straight);
        for (int k : new int[] {1, log.size() / 5, log.size() / 2, log.size() * 4 / 5, log.size() - 1}) {
            T first = fresh.get();
            List<O> head = run(first, log.subList(0, k), false);
            S snapshot = first.snapshot();
            List<O> goneOn = new ArrayList<>(head);
            goneOn.addAll(run(first, log.subList(k, log.size())));
            assertThat(goneOn).as("a snapshot does not disturb the stage (split at %d)", k).isEqualTo(all);
            for (int twice = 0; twice < 2; twice++) {
                T restored = fresh.get();
                restored.restore(snapshot);
                List<O> joined = new ArrayList<>(head);
                joined.addAll(run(restored, log.subList(k, log.size())));
                assertThat(joined).as("head, then a restored stage on the tail (split at %d, restore %d)", k, twice)
                        .isEqualTo(all);
                assertThat(state.apply(restored)).as("end state (split at %d)", k).isEqualTo(endState);
            }
        }
        return all;
    }

    private static <O> List<O> run(Stage<?, O> stage, List<AcceptedObservation> part) {
        return run(stage, part, true);
    }

    private static <O> List<O> run(Stage<?, O> stage, List<AcceptedObservation> part, boolean toEnd) {
        List<O> out = new ArrayList<>();
        for (AcceptedObservation a : part) {
            out.addAll(stage.process(a));
            // Ticks every minute of observation time, as a center's clock would give them.
            if (a.seq() % 7 == 0) out.addAll(stage.advanceTo(a.received().plusSeconds(1)));
        }
        if (toEnd) out.addAll(stage.advanceTo(END));
        return out;
    }
}
