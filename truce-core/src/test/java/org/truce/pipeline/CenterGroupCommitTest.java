package org.truce.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.truce.testing.RuleFixtures.AGHDAM_DEADLINE;
import static org.truce.testing.RuleFixtures.AM;
import static org.truce.testing.RuleFixtures.AZ;
import static org.truce.testing.RuleFixtures.RU;
import static org.truce.testing.RuleFixtures.TR;
import static org.truce.testing.RuleFixtures.agreement;
import static org.truce.testing.RuleFixtures.asset;
import static org.truce.testing.RuleFixtures.at;
import static org.truce.testing.RuleFixtures.fix;
import static org.truce.testing.RuleFixtures.fixedSensor;
import static org.truce.testing.RuleFixtures.locatedCue;
import static org.truce.testing.RuleFixtures.path;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.truce.fusion.Track;
import org.truce.rules.Incident;
import org.truce.sensing.AcceptedObservation;
import org.truce.ground.AssetKind;
import org.truce.sensing.FireKind;
import org.truce.ground.ObjectClass;
import org.truce.sensing.Observation;
import org.truce.store.AssetRegistry;
import org.truce.store.IncidentRepository;
import org.truce.store.MetaStore;
import org.truce.store.ForwardingObservationLog;
import org.truce.store.ObservationLog;
import org.truce.store.ObservationQuery;
import org.truce.store.Page;
import org.truce.store.Store;
import org.truce.store.TrackRepository;
import org.truce.store.memory.InMemoryStore;
import org.truce.time.SensorClock;
import org.truce.time.SimulatedClock;

/** {@link Center#acceptAll} and the group commit of concurrent callers: same results, in order, durable first. */
class CenterGroupCommitTest {
    private static final Instant T = AGHDAM_DEADLINE.minus(Duration.ofMinutes(5));

    /** A center on its sensors' time over {@code store}, recording every event it publishes. */
    private record Rig(Center center, Store store, List<CenterEvent> events) {
        static Rig on(Store store) {
            store.assets().save(asset("RU-UAV-01", RU, AssetKind.DRONE));
            store.assets().save(asset("TR-UAV-01", TR, AssetKind.DRONE));
            store.assets().save(asset("TR-OBS-01", TR, AssetKind.STAFF_BEACON));
            store.assets().save(fixedSensor("RU-ACU-01", RU, AssetKind.ACOUSTIC_ARRAY, at(-5_000, 10_000)));
            store.assets().save(fixedSensor("TR-ACU-01", TR, AssetKind.ACOUSTIC_ARRAY, at(5_000, -3_000)));
            SensorClock clock = new SensorClock(Optional.empty(), Duration.ofHours(1),
                    new SimulatedClock(Instant.parse("2026-01-01T00:00:00Z")));
            Center center = Center.builder(agreement()).store(store).clock(clock).build();
            List<CenterEvent> events = new CopyOnWriteArrayList<>();
            center.addListener(events::add);
            return new Rig(center, store, events);
        }

        List<AcceptedObservation> log() {
            return store.observations().read(1, Integer.MAX_VALUE);
        }

        List<Track> tracks() {
            return store.tracks().updatedSince(Instant.EPOCH);
        }

        List<Incident> incidents() {
            return store.incidents().all();
        }
    }

    /** A crossing, a withdrawal, a staff excursion and a fire event, interleaved with observations to refuse. */
    private static List<Observation> mixed() {
        List<Observation> obs = new ArrayList<>();
        obs.addAll(path("RU-UAV-01", T, 30, 21, -3_000, 10_000, 3_000, 10_000, ObjectClass.APC, AZ, 0.9));
        obs.addAll(path("TR-UAV-01", T.plusSeconds(7), 30, 21, 30_000, 4_000, 30_500, 4_000, ObjectClass.TANK, AM, 0.8));
        for (int i = 0; i < 10; i++) obs.add(fix("TR-OBS-01", T.plusSeconds(13 + 60L * i), at(30_100 + 100 * i, -19_900)));
        obs.add(locatedCue("RU-ACU-01", T.plusSeconds(100), FireKind.LAUNCH, at(-4_000, 2_000), 150));
        obs.add(locatedCue("TR-ACU-01", T.plusSeconds(130), FireKind.LAUNCH, at(-4_200, 2_100), 300));
        obs.sort(Comparator.comparing(Observation::time));
        List<Observation> withBad = new ArrayList<>();
        for (int i = 0; i < obs.size(); i++) {
            withBad.add(obs.get(i));
            Instant t = obs.get(i).time();
            switch (i % 9) {
                case 2 -> withBad.add(fix("XX-UAV-99", t, at(0, 0)));                                   // unknown asset
                case 5 -> withBad.add(fix("RU-UAV-01", t.minus(Duration.ofDays(2)), at(0, 0)));         // stale
                case 7 -> withBad.add(fix("TR-UAV-01", t.plus(Duration.ofHours(3)), at(0, 0)));         // future
                case 8 -> withBad.add(null);
                default -> { }
            }
        }
        return withBad;
    }

    @Test
    void aBatchAnswersInOrderWithGapFreeNumbersAndEqualsAcceptingOneByOne() {
        List<Observation> obs = mixed();
        Rig single = Rig.on(new InMemoryStore());
        List<Acceptance> one = new ArrayList<>();
        for (Observation o : obs) one.add(single.center().accept("http", o));

        Rig batched = Rig.on(new InMemoryStore());
        List<Acceptance> all = new ArrayList<>();
        for (int from = 0; from < obs.size(); from += 13) {
            all.addAll(batched.center().acceptAll("http", obs.subList(from, Math.min(obs.size(), from + 13))));
        }

        assertThat(all).hasSize(obs.size());
        assertThat(all).isEqualTo(one);
        assertThat(all).filteredOn(a -> !a.accepted()).extracting(a -> ((Acceptance.Rejected) a).reason())
                .containsOnly("unknown-asset", "stale", "future", "empty")
                .contains("unknown-asset", "stale", "future", "empty");
        for (int i = 0; i < obs.size(); i++) {
            if (all.get(i) instanceof Acceptance.Accepted a) {
                assertThat(a.observation().observation()).as("answer %d is for observation %d", i, i).isEqualTo(obs.get(i));
            }
        }
        List<Long> seqs = all.stream().filter(Acceptance::accepted)
                .map(a -> ((Acceptance.Accepted) a).observation().seq()).toList();
        assertThat(seqs).containsExactlyElementsOf(LongStream.rangeClosed(1, seqs.size()).boxed().toList());
        assertThat(batched.log()).isEqualTo(single.log());
        assertThat(batched.events()).as("the same events in the same order").isEqualTo(single.events());
        assertThat(batched.tracks()).isNotEmpty().isEqualTo(single.tracks());
        assertThat(batched.incidents()).isNotEmpty().isEqualTo(single.incidents());
        assertThat(batched.center().rejections().snapshot()).isEqualTo(single.center().rejections().snapshot());
    }

    @Test
    void aTrackUpdatedSeveralTimesInABatchIsWrittenOnceAsItsLastState() {
        List<List<Track>> saves = new CopyOnWriteArrayList<>();
        InMemoryStore inner = new InMemoryStore();
        Store recording = new Wrapped(inner) {
            @Override
            public TrackRepository tracks() {
                return new TrackRepository() {
                    @Override public void save(Track track) { saves.add(List.of(track)); inner.tracks().save(track); }
                    @Override public void saveAll(List<Track> tracks) { saves.add(tracks); inner.tracks().saveAll(tracks); }
                    @Override public Optional<Track> find(String id) { return inner.tracks().find(id); }
                    @Override public List<Track> updatedSince(Instant since) { return inner.tracks().updatedSince(since); }
                };
            }
        };
        Rig rig = Rig.on(recording);
        List<Observation.Detection> crossing = path("RU-UAV-01", T, 30, 21, -3_000, 10_000, 3_000, 10_000,
                ObjectClass.APC, AZ, 0.9);
        rig.center().acceptAll("http", crossing);

        long updates = rig.events().stream().filter(e -> e instanceof CenterEvent.TrackUpdated).count();
        assertThat(updates).as("the tracker updated its track many times").isGreaterThan(1);
        assertThat(saves).as("one saveAll for the batch").hasSize(1);
        List<Track> written = saves.getFirst();
        assertThat(written).extracting(Track::id).doesNotHaveDuplicates();
        Track last = rig.events().stream().filter(e -> e instanceof CenterEvent.TrackUpdated)
                .map(e -> ((CenterEvent.TrackUpdated) e).track()).reduce((a, b) -> b).orElseThrow();
        assertThat(written).contains(last);
        assertThat(rig.tracks()).contains(last);
    }

    @Test
    void whenTheStoreFailsDuringTheAppendNothingOfTheBatchIsAccepted() {
        AtomicBoolean broken = new AtomicBoolean(true);
        Rig rig = Rig.on(failingAppends(new InMemoryStore(), broken));
        List<Observation> batch = List.of(fix("TR-OBS-01", T, at(30_100, -19_900)), fix("XX-UAV-99", T, at(0, 0)),
                fix("TR-OBS-01", T.plusSeconds(1), at(30_200, -19_900)));

        assertThatThrownBy(() -> rig.center().acceptAll("http", batch)).hasMessageContaining("disk full");
        assertThatThrownBy(() -> rig.center().accept("http", batch.getFirst())).hasMessageContaining("disk full");
        assertThat(rig.events()).as("no listener heard of them").isEmpty();
        assertThat(rig.log()).isEmpty();

        broken.set(false);
        List<Acceptance> answers = rig.center().acceptAll("http", batch);
        assertThat(answers).extracting(Acceptance::accepted).containsExactly(true, false, true);
        assertThat(((Acceptance.Accepted) answers.getFirst()).observation().seq()).as("no number used up").isEqualTo(1);
    }

    @Test
    void concurrentCallersShareATransactionAndARejectedOnlyCallerIsStillAnswered() throws Exception {
        CountDownLatch firstAppendStarted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<Integer> appendSizes = new CopyOnWriteArrayList<>();
        AtomicBoolean failSecond = new AtomicBoolean(true);
        InMemoryStore inner = new InMemoryStore();
        Store gated = new Wrapped(inner) {
            @Override
            public ObservationLog observations() {
                return new ForwardingObservationLog(inner.observations()) {
                    @Override
                    public List<AcceptedObservation> appendAll(List<Arrival> arrivals) {
                        appendSizes.add(arrivals.size());
                        if (appendSizes.size() == 1) {
                            firstAppendStarted.countDown();
                            await(release);
                        } else if (failSecond.get()) {
                            throw new IllegalStateException("disk full");
                        }
                        return super.appendAll(arrivals);
                    }
                };
            }
        };
        Rig rig = Rig.on(gated);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            Future<Acceptance> first = pool.submit(() -> rig.center().accept("mqtt", fix("TR-OBS-01", T, at(30_100, -19_900))));
            assertThat(firstAppendStarted.await(30, TimeUnit.SECONDS)).isTrue();
            // While the first group commits, three callers queue: two with observations to append, one with none.
            Future<Acceptance> b = pool.submit(() -> rig.center().accept("mqtt", fix("TR-OBS-01", T.plusSeconds(1), at(30_200, -19_900))));
            Future<List<Acceptance>> c = pool.submit(() -> rig.center().acceptAll("udp",
                    List.of(fix("TR-OBS-01", T.plusSeconds(2), at(30_300, -19_900)), fix("XX-UAV-99", T, at(0, 0)))));
            Future<Acceptance> rejectedOnly = pool.submit(() -> rig.center().accept("udp", fix("XX-UAV-98", T, at(0, 0))));
            while (rig.center().queuedForCommit() < 3) Thread.onSpinWait();
            release.countDown();

            assertThat(first.get(30, TimeUnit.SECONDS).accepted()).isTrue();
            assertThat(rejectedOnly.get(30, TimeUnit.SECONDS)).isInstanceOfSatisfying(Acceptance.Rejected.class,
                    r -> assertThat(r.reason()).isEqualTo("unknown-asset"));
            assertThatThrownBy(() -> b.get(30, TimeUnit.SECONDS)).hasRootCauseMessage("disk full");
            assertThatThrownBy(() -> c.get(30, TimeUnit.SECONDS)).hasRootCauseMessage("disk full");
            assertThat(appendSizes).as("the three queued callers were one group: one append of their two observations")
                    .containsExactly(1, 2);
            assertThat(rig.log()).hasSize(1);
            assertThat(rig.events()).filteredOn(e -> e instanceof CenterEvent.ObservationAccepted).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void concurrentCallersGetAGapFreeLogProcessedInLogOrder() throws Exception {
        Rig rig = Rig.on(new InMemoryStore());
        int threads = 6;
        int each = 60;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<Acceptance>>> futures = new ArrayList<>();
        try {
            for (int k = 0; k < threads; k++) {
                int thread = k;
                futures.add(pool.submit(() -> {
                    start.await();
                    List<Acceptance> mine = new ArrayList<>();
                    for (int i = 0; i < each; i++) {
                        Observation o = fix("TR-OBS-01", T.plusSeconds(i), at(30_000 + thread * 10 + i, -19_900));
                        mine.add(i % 2 == 0 ? rig.center().accept("mqtt", o)
                                : rig.center().acceptAll("http", List.of(o, o)).getFirst());
                    }
                    return mine;
                }));
            }
            start.countDown();
            List<Long> seqs = new ArrayList<>();
            for (var f : futures) {
                for (Acceptance a : f.get(60, TimeUnit.SECONDS)) seqs.add(((Acceptance.Accepted) a).observation().seq());
            }
            long n = threads * (each + each / 2);
            assertThat(rig.log()).extracting(AcceptedObservation::seq)
                    .containsExactlyElementsOf(LongStream.rangeClosed(1, n).boxed().toList());
            assertThat(rig.events()).filteredOn(e -> e instanceof CenterEvent.ObservationAccepted)
                    .extracting(e -> ((CenterEvent.ObservationAccepted) e).observation().seq())
                    .as("listeners hear them in log order").containsExactlyElementsOf(LongStream.rangeClosed(1, n).boxed().toList());
            assertThat(seqs).doesNotHaveDuplicates();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aListenerThatIngestsIsRefusedInsteadOfWaitingForItself() {
        Rig rig = Rig.on(new InMemoryStore());
        List<RuntimeException> refused = Collections.synchronizedList(new ArrayList<>());
        rig.center().addListener(e -> {
            if (e instanceof CenterEvent.ObservationAccepted) {
                try {
                    rig.center().accept("loop", fix("TR-OBS-01", T, at(0, 0)));
                } catch (IllegalStateException ex) {
                    refused.add(ex);
                }
            }
        });
        assertThat(rig.center().accept("http", fix("TR-OBS-01", T, at(30_100, -19_900))).accepted()).isTrue();
        assertThat(refused).singleElement().extracting(Throwable::getMessage).asString().contains("listener");
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) throw new IllegalStateException("not released");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Store failingAppends(InMemoryStore inner, AtomicBoolean broken) {
        return new Wrapped(inner) {
            @Override
            public ObservationLog observations() {
                return new ForwardingObservationLog(inner.observations()) {
                    @Override
                    public List<AcceptedObservation> appendAll(List<Arrival> arrivals) {
                        if (broken.get()) throw new IllegalStateException("disk full");
                        return super.appendAll(arrivals);
                    }
                };
            }
        };
    }

    /** A store that forwards to another; tests override the part they break or watch. */
    private static class Wrapped implements Store {
        private final Store inner;

        Wrapped(Store inner) {
            this.inner = inner;
        }

        @Override public ObservationLog observations() { return inner.observations(); }
        @Override public IncidentRepository incidents() { return inner.incidents(); }
        @Override public AssetRegistry assets() { return inner.assets(); }
        @Override public TrackRepository tracks() { return inner.tracks(); }
        @Override public MetaStore meta() { return inner.meta(); }
        @Override public void close() { inner.close(); }
    }
}
