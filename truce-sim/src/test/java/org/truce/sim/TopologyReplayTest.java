package org.truce.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.truce.agreement.Agreement;
import org.truce.fusion.Track;
import org.truce.pipeline.CoverageRecorder;
import org.truce.pipeline.Center;
import org.truce.pipeline.CenterEvent;
import org.truce.rules.FireLocation;
import org.truce.rules.Incident;
import org.truce.sensing.AcceptedObservation;
import org.truce.sensing.Asset;
import org.truce.sensing.health.AssetHealthMonitor;
import org.truce.sensing.health.AssetStatusChange;
import org.truce.store.memory.InMemoryStore;
import org.truce.time.SimulatedClock;
import org.truce.pipeline.CenterConfig;
import org.truce.rules.LocatedFireEvent;
import org.truce.pipeline.CoverageStage;
import org.truce.pipeline.FireLocationStage;
import org.truce.pipeline.HealthStage;
import org.truce.topology.Stage;
import org.truce.topology.Topology;

/**
 * The acceptance test of the topology (issue 13): a recorded stretch of the simulated Karabakh theater is replayed
 * twice — once straight, once from a snapshot taken midway plus the log's tail — and both end with the same tracks,
 * incidents (with their located fire events), the location stage's fire events, coverage and asset health, and
 * equal the live run that recorded it.
 */
class TopologyReplayTest {
    private static final long SEED = 5;
    private static final Duration STRETCH = Duration.ofHours(4);

    private static Agreement agreement;
    private static Simulation sim;
    private static Run live;
    private static List<AcceptedObservation> log;

    /** One center with the topology's stages, what its stages emitted, and the count of observations it processed. */
    private record Run(Center center, InMemoryStore store, CoverageRecorder coverage, HealthStage health,
                       List<AssetStatusChange> changes, List<LocatedFireEvent> fires, Counter counter) {
        Outcome outcome(Instant end) {
            Instant from = sim.start();
            return new Outcome(store.tracks().updatedSince(Instant.EPOCH), store.incidents().all(),
                    store.incidents().all().stream().map(Incident::fire).flatMap(Optional::stream).toList(),
                    coverage.coverage(from, end), coverage.summary(LocalDate.ofInstant(from, ZoneOffset.UTC)),
                    sim.assets().stream().map(a -> health.status(a.id())).toList(), changes, fires);
        }
    }

    private record Outcome(List<Track> tracks, List<Incident> incidents, List<FireLocation> located,
                           List<CoverageRecorder.CellCoverage> coverage, CoverageRecorder.DaySummary day,
                           List<org.truce.sensing.health.AssetStatus> health, List<AssetStatusChange> healthTimeline,
                           List<LocatedFireEvent> fireEvents) {
    }

    /** Counts the observations it is given: shows that a replay from a snapshot processes only the tail. */
    private static final class Counter implements Stage<Long, Void> {
        long processed;
        long state;

        @Override public String name() { return "counter"; }

        @Override public List<Void> process(AcceptedObservation observation) {
            processed++;
            state++;
            return List.of();
        }

        @Override public List<Void> advanceTo(Instant now) { return List.of(); }

        @Override public Long snapshot() { return state; }

        @Override public void restore(Long snapshot) { state = snapshot; }
    }

    private static Run center(InMemoryStore store, SimulatedClock clock) {
        sim.assets().forEach(store.assets()::save);
        CoverageRecorder coverage = new CoverageRecorder(agreement, store.assets()::find,
                CoverageRecorder.Config.defaults());
        HealthStage health = new HealthStage(AssetHealthMonitor.withDefaults(id -> store.assets().find(id)
                .map(Asset::sensor)));
        List<AssetStatusChange> changes = new ArrayList<>();
        List<LocatedFireEvent> fires = new ArrayList<>();
        Counter counter = new Counter();
        Center c = Center.builder(agreement).store(store).clock(clock)
                .stage(new FireLocationStage(agreement, CenterConfig.defaults(), store.assets()::find), fires::add)
                .stage(new CoverageStage(coverage)).stage(health, changes::add).stage(counter).build();
        return new Run(c, store, coverage, health, changes, fires, counter);
    }

    @BeforeAll
    static void recordTheStretch() {
        agreement = KarabakhFixture.agreement();
        sim = new Simulation(agreement, Scenario.setup(), SEED, Scenario.setup().start(), STRETCH);
        SimulatedClock clock = new SimulatedClock(sim.start());
        live = center(new InMemoryStore(), clock);
        sim.run(STRETCH, live.center(), clock, step -> live.center().tick());
        log = live.store().observations().read(1, Integer.MAX_VALUE);
    }

    private static InMemoryStore storeWith(List<AcceptedObservation> part) {
        InMemoryStore s = new InMemoryStore();
        append(s, part);
        return s;
    }

    private static void append(InMemoryStore s, List<AcceptedObservation> part) {
        for (AcceptedObservation a : part) {
            AcceptedObservation copied = s.observations().append(a.received(), a.channel(), a.observation());
            assertThat(copied.seq()).isEqualTo(a.seq());
        }
    }

    @Test
    void aReplayFromAMidwaySnapshotPlusTheTailEqualsAStraightReplayAndTheLiveRun() {
        Instant end = sim.start().plus(STRETCH);
        assertThat(log).hasSizeGreaterThan(5_000);

        // Straight: the whole log into a fresh center.
        Run straight = center(storeWith(log), new SimulatedClock(end));
        straight.center().replay();

        // Midway: a center that had the log's first half snapshots; a fresh center restores that snapshot and replays
        // the tail, which has arrived in the same store meanwhile.
        int half = log.size() / 2;
        Instant midway = log.get(half - 1).received();
        InMemoryStore store = storeWith(log.subList(0, half));
        Run first = center(store, new SimulatedClock(midway));
        first.center().replay();
        Topology.Snapshot snapshot = first.center().snapshot();
        assertThat(snapshot.position()).isEqualTo(half);
        assertThat(snapshot.stages().keySet()).containsExactly("rules", "fire-location", "coverage", "health", "counter");
        append(store, log.subList(half, log.size()));
        Run resumed = center(store, new SimulatedClock(end));
        resumed.center().replayFrom(snapshot);
        List<AssetStatusChange> changes = new ArrayList<>(first.changes());
        changes.addAll(resumed.changes());
        List<LocatedFireEvent> fires = new ArrayList<>(first.fires());
        fires.addAll(resumed.fires());
        Run joined = new Run(resumed.center(), store, resumed.coverage(), resumed.health(), changes, fires,
                resumed.counter());

        assertThat(resumed.counter().processed).as("only the tail was replayed").isEqualTo(log.size() - half);
        assertThat(resumed.counter().state).isEqualTo(log.size());
        assertThat(resumed.center().position()).isEqualTo(log.size());

        Outcome expected = straight.outcome(end);
        Outcome got = joined.outcome(end);
        assertThat(expected.tracks()).hasSizeGreaterThan(5);
        assertThat(expected.incidents()).hasSizeGreaterThan(3);
        assertThat(expected.located()).as("fire events located").isNotEmpty();
        assertThat(expected.coverage()).anySatisfy(c -> assertThat(c.observed()).isTrue());
        assertThat(expected.healthTimeline()).isNotEmpty();
        assertThat(expected.fireEvents()).as("the location stage's events").isNotEmpty();
        assertThat(expected.fireEvents()).extracting(LocatedFireEvent::id).containsAll(expected.incidents().stream()
                .filter(i -> i.fire().isPresent()).map(Incident::subject).toList());
        assertThat(got.tracks()).isEqualTo(expected.tracks());
        assertThat(got.incidents()).isEqualTo(expected.incidents());
        assertThat(got.located()).isEqualTo(expected.located());
        assertThat(got.coverage()).isEqualTo(expected.coverage());
        assertThat(got.day()).isEqualTo(expected.day());
        assertThat(got.health()).isEqualTo(expected.health());
        assertThat(got.healthTimeline()).isEqualTo(expected.healthTimeline());
        assertThat(got.fireEvents()).isEqualTo(expected.fireEvents());
        assertThat(got).isEqualTo(expected);

        // The live run, whose clock ticked every 5 s between the observations, derived the same from the same log.
        live.center().tick();
        Outcome liveOutcome = live.outcome(end);
        assertThat(liveOutcome.tracks()).isEqualTo(expected.tracks());
        assertThat(liveOutcome.incidents()).isEqualTo(expected.incidents());
        assertThat(liveOutcome.coverage()).isEqualTo(expected.coverage());
        assertThat(liveOutcome.health()).isEqualTo(expected.health());
        assertThat(liveOutcome.healthTimeline()).isEqualTo(expected.healthTimeline());
        assertThat(liveOutcome.fireEvents()).isEqualTo(expected.fireEvents());
    }

    @Test
    void replayingAgainWithoutASnapshotOnlyCatchesUpWithTheLog() {
        List<AcceptedObservation> part = log.subList(0, log.size() / 4);
        Run once = center(storeWith(part), new SimulatedClock(part.getLast().received()));
        once.center().replay();
        List<Incident> incidents = once.store().incidents().all();
        once.center().replay();
        assertThat(once.counter().processed).isEqualTo(part.size());
        assertThat(once.store().incidents().all()).isEqualTo(incidents);
    }
}
