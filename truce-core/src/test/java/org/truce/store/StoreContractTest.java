package org.truce.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.truce.store.StoreFixtures.at;
import static org.truce.store.StoreFixtures.camera;
import static org.truce.store.StoreFixtures.detection;
import static org.truce.store.StoreFixtures.drone;
import static org.truce.store.StoreFixtures.fireCue;
import static org.truce.store.StoreFixtures.fix;
import static org.truce.store.StoreFixtures.footprint;
import static org.truce.store.StoreFixtures.grown;
import static org.truce.store.StoreFixtures.incident;
import static org.truce.store.StoreFixtures.track;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.truce.ground.PartyId;
import org.truce.ground.ProvisionId;
import org.truce.ground.ZoneId;
import org.truce.fusion.Track;
import org.truce.rules.Incident;
import org.truce.rules.IncidentState;
import org.truce.sensing.AcceptedObservation;
import org.truce.sensing.Asset;
import org.truce.ground.AssetId;
import org.truce.sensing.Observation;

/**
 * The contract every {@link Store} implementation passes (in-memory, H2, PostgreSQL). Subclass it, return a
 * fresh empty store from {@link #newStore()}, and every port method is exercised: the log's gap-free ordering
 * and exact round-trip (nanosecond instants), every query filter with paging, upserts, and concurrent appends.
 */
public abstract class StoreContractTest {
    protected Store store;

    /** A new, empty store; the contract closes it after each test. May abort the test by a JUnit assumption. */
    protected abstract Store newStore();

    @BeforeEach
    void openStore() {
        store = newStore();
    }

    @AfterEach
    void closeStore() {
        if (store != null) store.close();
    }

    // ---- observation log ----

    @Test
    void anEmptyLogHasNothing() {
        ObservationLog log = store.observations();
        assertThat(log.size()).isZero();
        assertThat(log.read(1, 10)).isEmpty();
        assertThat(log.find("OBS-1")).isEmpty();
        Page<AcceptedObservation> page = log.query(obsQuery(null, null, null, null, 0, 10));
        assertThat(page.items()).isEmpty();
        assertThat(page.total()).isZero();
    }

    @Test
    void appendAssignsGapFreeSequenceNumbersAndIds() {
        ObservationLog log = store.observations();
        for (int i = 1; i <= 3; i++) {
            AcceptedObservation a = log.append(at(100 + i), "sim", fix("RU-UAV-01", at(i)));
            assertThat(a.seq()).isEqualTo(i);
            assertThat(a.id()).isEqualTo("OBS-" + i);
            assertThat(a.received()).isEqualTo(at(100 + i));
            assertThat(a.channel()).isEqualTo("sim");
        }
        assertThat(log.size()).isEqualTo(3);
    }

    @Test
    void everyObservationVariantReadsBackExactlyToTheNanosecond() {
        ObservationLog log = store.observations();
        List<Observation> variants = List.of(fix("RU-UAV-01", at(1)), detection("TR-CAM-02", at(2).plusNanos(1)),
                fireCue("RU-ACU-01", at(3).plusNanos(999_999_999 - 123_456_789)), footprint("TR-UAV-03", at(4)));
        List<AcceptedObservation> appended = new ArrayList<>();
        Instant received = Instant.parse("2020-11-14T07:00:00.000000001Z");
        for (Observation o : variants) appended.add(log.append(received, "http", o));

        assertThat(log.read(1, 10)).containsExactlyElementsOf(appended);
        assertThat(log.read(1, 10)).extracting(AcceptedObservation::observation).containsExactlyElementsOf(variants);
        assertThat(log.read(1, 1).getFirst().received()).isEqualTo(received);
        assertThat(log.find("OBS-3")).contains(appended.get(2));
    }

    @Test
    void readReturnsAWindowFromASequenceNumber() {
        ObservationLog log = store.observations();
        List<AcceptedObservation> all = appendFixes(log, 5);
        assertThat(log.read(2, 2)).containsExactly(all.get(1), all.get(2));
        assertThat(log.read(4, 100)).containsExactly(all.get(3), all.get(4));
        assertThat(log.read(6, 10)).isEmpty();
        assertThat(log.read(3, 0)).isEmpty();
        assertThat(log.read(0, 2)).as("seq >= 0 starts at the first entry").containsExactly(all.get(0), all.get(1));
    }

    @Test
    void findByIdFindsOnlyExistingEntries() {
        ObservationLog log = store.observations();
        List<AcceptedObservation> all = appendFixes(log, 3);
        assertThat(log.find("OBS-2")).contains(all.get(1));
        assertThat(log.find("OBS-4")).isEmpty();
        assertThat(log.find("OBS-0")).isEmpty();
        assertThat(log.find("TRK-2")).isEmpty();
        assertThat(log.find("OBS-x")).isEmpty();
    }

    @Test
    void queryFiltersByAssetKindAndMeasurementTimeInAHalfOpenRange() {
        ObservationLog log = store.observations();
        AcceptedObservation a1 = log.append(at(0), "sim", fix("RU-UAV-01", at(10)));
        AcceptedObservation a2 = log.append(at(0), "sim", detection("RU-UAV-01", at(20)));
        AcceptedObservation b1 = log.append(at(0), "sim", detection("TR-UAV-01", at(30)));
        AcceptedObservation a3 = log.append(at(0), "sim", fix("RU-UAV-01", at(40)));
        AcceptedObservation b2 = log.append(at(0), "cot", fix("TR-UAV-01", at(5)));

        assertThat(log.query(obsQuery("RU-UAV-01", null, null, null, 0, 100)).items()).containsExactly(a1, a2, a3);
        assertThat(log.query(obsQuery(null, "detection", null, null, 0, 100)).items()).containsExactly(a2, b1);
        assertThat(log.query(obsQuery(null, "fire", null, null, 0, 100)).items()).isEmpty();
        assertThat(log.query(obsQuery(null, null, at(20), null, 0, 100)).items())
                .as("from is inclusive").containsExactly(a2, b1, a3);
        assertThat(log.query(obsQuery(null, null, null, at(20), 0, 100)).items())
                .as("to is exclusive").containsExactly(a1, b2);
        assertThat(log.query(obsQuery(null, null, at(10), at(30), 0, 100)).items()).containsExactly(a1, a2);
        assertThat(log.query(obsQuery(null, null, at(20).plusNanos(1), at(40).plusNanos(1), 0, 100)).items())
                .as("nanosecond boundaries").containsExactly(b1, a3);
        assertThat(log.query(obsQuery("RU-UAV-01", "fix", at(0), at(50), 0, 100)).items()).containsExactly(a1, a3);
        assertThat(log.query(obsQuery("RU-UAV-99", null, null, null, 0, 100)).total()).isZero();
    }

    @Test
    void latestIsTheHighestSequenceNumberOfThatAssetAndKindNotTheLatestMeasurementTime() {
        ObservationLog log = store.observations();
        assertThat(log.latest(AssetId.of("RU-UAV-01"), "fix")).isEmpty();
        log.append(at(0), "sim", fix("RU-UAV-01", at(10)));
        AcceptedObservation late = log.append(at(1), "sim", fix("RU-UAV-01", at(5)));
        AcceptedObservation other = log.append(at(2), "sim", fix("TR-UAV-01", at(50)));
        AcceptedObservation print = log.append(at(3), "sim", footprint("RU-UAV-01", at(6)));
        log.append(at(4), "sim", detection("RU-UAV-01", at(70)));

        assertThat(log.latest(AssetId.of("RU-UAV-01"), "fix")).as("log order, even for an older measurement")
                .contains(late);
        assertThat(log.latest(AssetId.of("RU-UAV-01"), "footprint")).contains(print);
        assertThat(log.latest(AssetId.of("TR-UAV-01"), "fix")).contains(other);
        assertThat(log.latest(AssetId.of("TR-UAV-01"), "footprint")).isEmpty();
        assertThat(log.latest(AssetId.of("RU-UAV-99"), "fix")).isEmpty();
        assertThat(log.latest(AssetId.of("RU-UAV-01"), "fire")).isEmpty();
    }

    @Test
    void latestFollowsABatchAppendAsItFollowsSingleAppends() {
        ObservationLog log = store.observations();
        log.append(at(0), "sim", fix("RU-UAV-01", at(1)));
        List<AcceptedObservation> batch = log.appendAll(at(2), "http", List.of(fix("RU-UAV-01", at(2)),
                footprint("RU-UAV-01", at(3)), fix("RU-UAV-01", at(4)), fix("TR-UAV-01", at(5))));
        assertThat(log.latest(AssetId.of("RU-UAV-01"), "fix")).contains(batch.get(2));
        assertThat(log.latest(AssetId.of("RU-UAV-01"), "footprint")).contains(batch.get(1));
        assertThat(log.latest(AssetId.of("TR-UAV-01"), "fix")).contains(batch.get(3));
    }

    @Test
    void queryPagesInSequenceOrderAndCountsAllMatches() {
        ObservationLog log = store.observations();
        List<AcceptedObservation> all = appendFixes(log, 7);
        Page<AcceptedObservation> p = log.query(obsQuery("RU-UAV-01", null, null, null, 2, 3));
        assertThat(p.items()).containsExactly(all.get(2), all.get(3), all.get(4));
        assertThat(p.total()).isEqualTo(7);
        assertThat(p.offset()).isEqualTo(2);
        assertThat(p.limit()).isEqualTo(3);
        assertThat(log.query(obsQuery(null, null, null, null, 6, 3)).items()).containsExactly(all.get(6));
        Page<AcceptedObservation> beyond = log.query(obsQuery(null, null, null, null, 10, 3));
        assertThat(beyond.items()).isEmpty();
        assertThat(beyond.total()).isEqualTo(7);
    }

    @Test
    void concurrentAppendsStayGapFreeAndKeepEachWritersOrder() throws Exception {
        ObservationLog log = store.observations();
        int threads = 4;
        int perThread = 40;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<AcceptedObservation>>> futures = new ArrayList<>();
        try {
            for (int t = 0; t < threads; t++) {
                String asset = "RU-UAV-0" + (t + 1);
                futures.add(pool.submit(() -> {
                    start.await();
                    List<AcceptedObservation> mine = new ArrayList<>();
                    for (int i = 0; i < perThread; i++) mine.add(log.append(at(1000), "sim", fix(asset, at(i))));
                    return mine;
                }));
            }
            start.countDown();
            List<AcceptedObservation> returned = new ArrayList<>();
            for (var f : futures) {
                List<AcceptedObservation> mine = f.get(60, TimeUnit.SECONDS);
                assertThat(mine).extracting(AcceptedObservation::seq).as("one writer's entries in its order").isSorted();
                returned.addAll(mine);
            }
            long n = (long) threads * perThread;
            assertThat(log.size()).isEqualTo(n);
            List<AcceptedObservation> stored = log.read(1, (int) n + 10);
            assertThat(stored).extracting(AcceptedObservation::seq)
                    .containsExactlyElementsOf(LongStream.rangeClosed(1, n).boxed().toList());
            assertThat(stored).containsExactlyInAnyOrderElementsOf(returned);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void appendAllGivesConsecutiveSequenceNumbersAfterTheLastEntryAndReadsBackExactly() {
        ObservationLog log = store.observations();
        List<AcceptedObservation> before = appendFixes(log, 2);
        List<ObservationLog.Arrival> batch = List.of(
                new ObservationLog.Arrival(at(200).plusNanos(1), "http", detection("TR-CAM-02", at(5))),
                new ObservationLog.Arrival(at(201), "mqtt", fireCue("RU-ACU-01", at(6).plusNanos(3))),
                new ObservationLog.Arrival(at(202), "http", footprint("TR-UAV-03", at(7))));
        List<AcceptedObservation> appended = log.appendAll(batch);

        assertThat(appended).extracting(AcceptedObservation::seq).containsExactly(3L, 4L, 5L);
        assertThat(appended).extracting(AcceptedObservation::id).containsExactly("OBS-3", "OBS-4", "OBS-5");
        for (int i = 0; i < batch.size(); i++) {
            assertThat(appended.get(i).received()).isEqualTo(batch.get(i).received());
            assertThat(appended.get(i).channel()).isEqualTo(batch.get(i).channel());
            assertThat(appended.get(i).observation()).isEqualTo(batch.get(i).observation());
        }
        assertThat(log.size()).isEqualTo(5);
        List<AcceptedObservation> all = new ArrayList<>(before);
        all.addAll(appended);
        assertThat(log.read(1, 10)).containsExactlyElementsOf(all);
        assertThat(log.find("OBS-4")).contains(appended.get(1));
        assertThat(log.append(at(300), "sim", fix("RU-UAV-01", at(8))).seq()).as("a single append follows on")
                .isEqualTo(6);
    }

    @Test
    void appendAllOfOneChannelAndAnEmptyAppendAll() {
        ObservationLog log = store.observations();
        assertThat(log.appendAll(List.of())).isEmpty();
        assertThat(log.appendAll(at(50), "sim", List.of())).isEmpty();
        assertThat(log.size()).isZero();
        List<AcceptedObservation> a = log.appendAll(at(50), "http",
                List.of(fix("RU-UAV-01", at(1)), detection("RU-UAV-01", at(2))));
        assertThat(a).extracting(AcceptedObservation::seq).containsExactly(1L, 2L);
        assertThat(a).allSatisfy(x -> {
            assertThat(x.received()).isEqualTo(at(50));
            assertThat(x.channel()).isEqualTo("http");
        });
        assertThat(log.read(1, 10)).containsExactlyElementsOf(a);
    }

    /** A store that cannot keep an entry (JDBC: a time beyond 2262) refuses the whole batch and uses up no number. */
    @Test
    void appendAllIsAllOrNothing() {
        ObservationLog log = store.observations();
        appendFixes(log, 1);
        List<ObservationLog.Arrival> batch = List.of(
                new ObservationLog.Arrival(at(10), "http", fix("RU-UAV-01", at(2))),
                new ObservationLog.Arrival(Instant.parse("2300-01-01T00:00:00Z"), "http", fix("RU-UAV-01", at(3))),
                new ObservationLog.Arrival(at(11), "http", fix("RU-UAV-01", at(4))));
        boolean refused;
        try {
            log.appendAll(batch);
            refused = false;
        } catch (RuntimeException e) {
            refused = true;
        }
        if (refused) {
            assertThat(log.size()).isEqualTo(1);
            assertThat(log.read(1, 10)).hasSize(1);
            assertThat(log.append(at(12), "sim", fix("RU-UAV-01", at(5))).seq()).as("no gap").isEqualTo(2);
        } else {
            assertThat(log.size()).isEqualTo(4);
            assertThat(log.read(2, 10)).extracting(AcceptedObservation::observation)
                    .containsExactlyElementsOf(batch.stream().map(ObservationLog.Arrival::observation).toList());
        }
    }

    @Test
    void concurrentBatchesStayGapFreeAndEachBatchIsContiguous() throws Exception {
        ObservationLog log = store.observations();
        int threads = 4;
        int batches = 10;
        int perBatch = 5;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<List<AcceptedObservation>>>> futures = new ArrayList<>();
        try {
            for (int t = 0; t < threads; t++) {
                String asset = "RU-UAV-0" + (t + 1);
                futures.add(pool.submit(() -> {
                    start.await();
                    List<List<AcceptedObservation>> mine = new ArrayList<>();
                    for (int b = 0; b < batches; b++) {
                        List<Observation> obs = new ArrayList<>();
                        for (int i = 0; i < perBatch; i++) obs.add(fix(asset, at(b * perBatch + i)));
                        mine.add(log.appendAll(at(1000), "http", obs));
                    }
                    return mine;
                }));
            }
            start.countDown();
            List<AcceptedObservation> returned = new ArrayList<>();
            for (var f : futures) {
                for (List<AcceptedObservation> batch : f.get(60, TimeUnit.SECONDS)) {
                    long first = batch.getFirst().seq();
                    assertThat(batch).extracting(AcceptedObservation::seq).as("one batch, consecutive numbers")
                            .containsExactlyElementsOf(LongStream.range(first, first + perBatch).boxed().toList());
                    returned.addAll(batch);
                }
            }
            long n = (long) threads * batches * perBatch;
            assertThat(log.size()).isEqualTo(n);
            List<AcceptedObservation> stored = log.read(1, (int) n + 10);
            assertThat(stored).extracting(AcceptedObservation::seq)
                    .containsExactlyElementsOf(LongStream.rangeClosed(1, n).boxed().toList());
            assertThat(stored).containsExactlyInAnyOrderElementsOf(returned);
        } finally {
            pool.shutdownNow();
        }
    }

    // ---- incidents ----

    @Test
    void incidentSaveFindAndUpsertReplacesTheSameId() {
        IncidentRepository repo = store.incidents();
        Incident first = incident("INC-2020-11-14-0042", at(0), at(60));
        repo.save(first);
        assertThat(repo.find("INC-2020-11-14-0042")).contains(first);
        assertThat(repo.find("INC-2020-11-14-0043")).isEmpty();

        Incident later = grown(first, at(600).plusNanos(7), "OBS-77");
        repo.save(later);
        assertThat(repo.count()).isEqualTo(1);
        assertThat(repo.find(first.id())).contains(later);
        assertThat(repo.all()).containsExactly(later);
        assertThat(repo.query(IncidentQuery.all()).items()).containsExactly(later);
    }

    @Test
    void saveAllIncidentsUpsertsEveryOneAndTheLastOfAnIdWins() {
        IncidentRepository repo = store.incidents();
        Incident a = incident("INC-A", at(0), at(10));
        repo.save(a);
        Incident b = incident("INC-B", at(1), at(11));
        Incident aGrown = grown(a, at(20), "OBS-5");
        Incident bGrown = grown(b, at(21), "OBS-6");
        Incident c = StoreFixtures.withState(incident("INC-C", at(2), at(12)), IncidentState.CLOSED);
        repo.saveAll(List.of(b, aGrown, c, bGrown));

        assertThat(repo.count()).isEqualTo(3);
        assertThat(repo.all()).containsExactly(aGrown, bGrown, c);
        assertThat(repo.find("INC-B")).contains(bGrown);
        assertThat(ids(iq().state(IncidentState.CLOSED))).containsExactly("INC-C");
        assertThat(ids(iq().from(at(20)))).as("the indexed end is the last one's").containsExactly("INC-A", "INC-B");
        repo.saveAll(List.of());
        assertThat(repo.count()).isEqualTo(3);
    }

    @Test
    void allIncidentsAreOrderedByStartThenId() {
        IncidentRepository repo = store.incidents();
        Incident c = incident("INC-C", at(5), at(6));
        Incident b = incident("INC-B", at(1), at(9));
        Incident a = incident("INC-A", at(1), at(2));
        Incident d = incident("INC-D", at(1).minusNanos(1), at(2));
        List.of(c, b, a, d).forEach(repo::save);
        assertThat(repo.all()).containsExactly(d, a, b, c);
        assertThat(repo.query(IncidentQuery.all()).items()).containsExactly(d, a, b, c);
        assertThat(repo.count()).isEqualTo(4);
    }

    @Test
    void incidentTimeFilterSelectsIntervalsOverlappingAHalfOpenWindow() {
        IncidentRepository repo = store.incidents();
        Incident i = incident("INC-1", at(10), at(20));
        Incident point = incident("INC-2", at(30), at(30));
        repo.save(i);
        repo.save(point);

        assertThat(ids(iq().from(at(20)))).as("end == from overlaps").containsExactly("INC-1", "INC-2");
        assertThat(ids(iq().from(at(20).plusNanos(1)))).containsExactly("INC-2");
        assertThat(ids(iq().to(at(10)))).as("start == to does not overlap [from, to)").isEmpty();
        assertThat(ids(iq().to(at(10).plusNanos(1)))).containsExactly("INC-1");
        assertThat(ids(iq().from(at(0)).to(at(5)))).isEmpty();
        assertThat(ids(iq().from(at(12)).to(at(15)))).as("window inside the interval").containsExactly("INC-1");
        assertThat(ids(iq().from(at(0)).to(at(100)))).as("interval inside the window")
                .containsExactly("INC-1", "INC-2");
        assertThat(ids(iq().from(at(30)).to(at(31)))).as("a point incident at from").containsExactly("INC-2");
        assertThat(ids(iq().from(at(29)).to(at(30)))).as("a point incident at to").isEmpty();
    }

    @Test
    void incidentQueryFiltersByRuleTypeZonePartyProvisionAndState() {
        IncidentRepository repo = store.incidents();
        Incident base = incident("INC-1", at(0), at(10));
        repo.save(base);
        repo.save(StoreFixtures.withRuleType(incident("INC-2", at(1), at(10)), "withdraw-by"));
        repo.save(StoreFixtures.withZone(incident("INC-3", at(2), at(10)), "lachin-corridor"));
        repo.save(StoreFixtures.withParty(incident("INC-4", at(3), at(10)), Optional.of(PartyId.of("AM"))));
        repo.save(StoreFixtures.withParty(incident("INC-5", at(4), at(10)), Optional.empty()));
        repo.save(StoreFixtures.withProvision(incident("INC-6", at(5), at(10)), "p6-kalbajar", 2));
        repo.save(StoreFixtures.withState(incident("INC-7", at(6), at(10)), IncidentState.CLOSED));

        assertThat(ids(iq().ruleType("withdraw-by"))).containsExactly("INC-2");
        assertThat(ids(iq().ruleType("cease-fire"))).containsExactly("INC-1", "INC-3", "INC-4", "INC-5", "INC-6",
                "INC-7");
        assertThat(ids(iq().zone("lachin-corridor"))).containsExactly("INC-3");
        assertThat(ids(iq().party("AM"))).containsExactly("INC-4");
        assertThat(ids(iq().party("AZ"))).as("an unattributed incident matches no party")
                .containsExactly("INC-1", "INC-2", "INC-3", "INC-6", "INC-7");
        assertThat(ids(iq().provision("p6-kalbajar"))).containsExactly("INC-6");
        assertThat(ids(iq().state(IncidentState.CLOSED))).containsExactly("INC-7");
        assertThat(ids(iq().state(IncidentState.OPEN))).hasSize(6).doesNotContain("INC-7");
        assertThat(ids(iq().ruleType("cease-fire").party("AZ").state(IncidentState.OPEN).from(at(5))))
                .containsExactly("INC-1", "INC-3", "INC-6");
        assertThat(ids(iq().zone("airspace-tr"))).isEmpty();
    }

    @Test
    void incidentQueryPagesAndCountsAllMatches() {
        IncidentRepository repo = store.incidents();
        for (int i = 0; i < 6; i++) repo.save(incident("INC-" + i, at(i), at(i + 1)));
        Page<Incident> p = store.incidents().query(iq().offset(1).limit(2).build());
        assertThat(p.items()).extracting(Incident::id).containsExactly("INC-1", "INC-2");
        assertThat(p.total()).isEqualTo(6);
        assertThat(p.offset()).isEqualTo(1);
        assertThat(p.limit()).isEqualTo(2);
        Page<Incident> filtered = repo.query(iq().from(at(3)).offset(1).limit(10).build());
        assertThat(filtered.items()).extracting(Incident::id).containsExactly("INC-3", "INC-4", "INC-5");
        assertThat(filtered.total()).as("INC-2 ends at from, so it overlaps").isEqualTo(4);
        assertThat(repo.query(iq().offset(6).limit(5).build()).items()).isEmpty();
    }

    // ---- assets ----

    @Test
    void assetsAreFoundByIdAndSystemIdAndListedInIdOrder() {
        AssetRegistry reg = store.assets();
        Asset tr = drone("TR-UAV-01", "TR", 12);
        Asset ru = drone("RU-UAV-01", "RU", 7);
        Asset cam = camera("RU-CAM-01", "RU");
        List.of(tr, ru, cam).forEach(reg::save);

        assertThat(reg.find(AssetId.of("RU-UAV-01"))).contains(ru);
        assertThat(reg.find(AssetId.of("TR-CAM-01"))).isEmpty();
        assertThat(reg.find(AssetId.of("TR-UAV-01")).orElseThrow().apiToken()).contains("token-TR-UAV-01");
        assertThat(reg.bySystemId(12)).contains(tr);
        assertThat(reg.bySystemId(7)).contains(ru);
        assertThat(reg.bySystemId(99)).isEmpty();
        assertThat(reg.all()).containsExactly(cam, ru, tr);
    }

    @Test
    void savingAnAssetAgainReplacesItAndItsSystemIdBinding() {
        AssetRegistry reg = store.assets();
        reg.save(drone("RU-UAV-01", "RU", 7));
        Asset rebound = drone("RU-UAV-01", "RU", 8);
        reg.save(rebound);
        assertThat(reg.all()).containsExactly(rebound);
        assertThat(reg.bySystemId(8)).contains(rebound);
        assertThat(reg.bySystemId(7)).isEmpty();
    }

    // ---- tracks ----

    @Test
    void tracksAreUpsertedAndListedWhenUpdatedAtOrAfterAnInstant() {
        TrackRepository repo = store.tracks();
        Track t2 = track("TRK-2", at(10));
        Track t1 = track("TRK-1", at(20));
        Track t3 = track("TRK-3", at(5));
        List.of(t2, t1, t3).forEach(repo::save);

        assertThat(repo.find("TRK-1")).contains(t1);
        assertThat(repo.find("TRK-9")).isEmpty();
        assertThat(repo.updatedSince(at(10))).as("inclusive, ordered by id").containsExactly(t1, t2);
        assertThat(repo.updatedSince(at(10).plusNanos(1))).containsExactly(t1);
        assertThat(repo.updatedSince(at(0))).containsExactly(t1, t2, t3);
        assertThat(repo.updatedSince(at(21))).isEmpty();

        Track t3later = track("TRK-3", at(30).plusNanos(3));
        repo.save(t3later);
        assertThat(repo.find("TRK-3")).contains(t3later);
        assertThat(repo.updatedSince(at(21))).containsExactly(t3later);
    }

    @Test
    void saveAllTracksUpsertsEveryOneAndTheLastOfAnIdWins() {
        TrackRepository repo = store.tracks();
        repo.save(track("TRK-1", at(10)));
        Track t1later = track("TRK-1", at(40));
        Track t2 = track("TRK-2", at(20));
        Track t2later = track("TRK-2", at(30).plusNanos(1));
        repo.saveAll(List.of(t2, t1later, t2later));

        assertThat(repo.find("TRK-1")).contains(t1later);
        assertThat(repo.find("TRK-2")).contains(t2later);
        assertThat(repo.updatedSince(at(0))).containsExactly(t1later, t2later);
        assertThat(repo.updatedSince(at(30).plusNanos(2))).as("the indexed time is the last one's")
                .containsExactly(t1later);
        repo.saveAll(List.of());
        assertThat(repo.updatedSince(at(0))).hasSize(2);
    }

    // ---- meta ----

    @Test
    void metaKeepsTheLastValuePerKey() {
        MetaStore meta = store.meta();
        assertThat(meta.get("scenario.clock")).isEmpty();
        meta.put("scenario.clock", "2020-11-14T06:30:00Z");
        meta.put("other", "x");
        assertThat(meta.get("scenario.clock")).contains("2020-11-14T06:30:00Z");
        meta.put("scenario.clock", "2020-11-14T07:00:00.000000001Z");
        assertThat(meta.get("scenario.clock")).contains("2020-11-14T07:00:00.000000001Z");
        assertThat(meta.get("other")).contains("x");
        meta.put("empty", "");
        assertThat(meta.get("empty")).contains("");
    }

    // ---- helpers ----

    protected static List<AcceptedObservation> appendFixes(ObservationLog log, int n) {
        List<AcceptedObservation> all = new ArrayList<>();
        for (int i = 0; i < n; i++) all.add(log.append(at(1000 + i), "sim", fix("RU-UAV-01", at(i))));
        return all;
    }

    protected static ObservationQuery obsQuery(String asset, String kind, Instant from, Instant to, int offset,
                                               int limit) {
        return new ObservationQuery(Optional.ofNullable(asset).map(AssetId::of), Optional.ofNullable(kind),
                Optional.ofNullable(from), Optional.ofNullable(to), offset, limit);
    }

    private List<String> ids(IncidentQueryBuilder q) {
        return store.incidents().query(q.build()).items().stream().map(Incident::id).toList();
    }

    private static IncidentQueryBuilder iq() {
        return new IncidentQueryBuilder();
    }

    /** Builds an {@link IncidentQuery} one filter at a time; unset filters stay empty. */
    private static final class IncidentQueryBuilder {
        private Optional<Instant> from = Optional.empty();
        private Optional<Instant> to = Optional.empty();
        private Optional<String> ruleType = Optional.empty();
        private Optional<ZoneId> zone = Optional.empty();
        private Optional<PartyId> party = Optional.empty();
        private Optional<ProvisionId> provision = Optional.empty();
        private Optional<IncidentState> state = Optional.empty();
        private int offset = 0;
        private int limit = 10_000;

        IncidentQueryBuilder from(Instant v) { from = Optional.of(v); return this; }
        IncidentQueryBuilder to(Instant v) { to = Optional.of(v); return this; }
        IncidentQueryBuilder ruleType(String v) { ruleType = Optional.of(v); return this; }
        IncidentQueryBuilder zone(String v) { zone = Optional.of(ZoneId.of(v)); return this; }
        IncidentQueryBuilder party(String v) { party = Optional.of(PartyId.of(v)); return this; }
        IncidentQueryBuilder provision(String v) { provision = Optional.of(ProvisionId.of(v)); return this; }
        IncidentQueryBuilder state(IncidentState v) { state = Optional.of(v); return this; }
        IncidentQueryBuilder offset(int v) { offset = v; return this; }
        IncidentQueryBuilder limit(int v) { limit = v; return this; }

        IncidentQuery build() {
            return new IncidentQuery(from, to, ruleType, zone, party, provision, state, offset, limit);
        }
    }
}
