package org.truce.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.truce.cases.CaseFixtures.*;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.truce.ground.PartyId;
import org.truce.geo.GeoPoint;

/**
 * The contract of joint verification's storage ports ({@link CaseRepository}, {@link AllegationRepository},
 * {@link AuditLog}, {@link NotificationOutbox}, {@link RosterRepository}), run against every implementation:
 * in memory, H2, PostgreSQL. Subclass it and return fresh, empty ports; override {@link #reopen()} when the
 * implementation outlives its process (the tests then check that everything reads back after a restart).
 */
public abstract class CaseStoreContractTest {
    /** One set of ports over one store. */
    public record Ports(CaseRepository cases, AllegationRepository allegations, AuditLog audit,
                        NotificationOutbox outbox, RosterRepository rosters) { }

    protected Ports ports;

    /** Fresh, empty ports. */
    protected abstract Ports newPorts();

    /** The same store closed and opened again; empty for an implementation that lives in memory only. */
    protected Optional<Ports> reopen() {
        return Optional.empty();
    }

    /** Releases what {@link #newPorts()} opened. */
    protected void closePorts() { }

    @BeforeEach
    void open() {
        ports = newPorts();
    }

    @AfterEach
    void close() {
        closePorts();
    }

    private final CaseLifecycle lifecycle = new CaseLifecycle(POLICY);

    private Case opened(String incidentId) {
        return lifecycle.open(incident(incidentId, T0.minusSeconds(600), T0), BOTH, T0);
    }

    /** A case that went through everything a case can hold: assessments, reconciliation, dissent, approvals. */
    private Case published(String incidentId) {
        Case c = opened(incidentId);
        c = lifecycle.submit(c, assessment(RU, Happened.YES, Optional.of(AZ), 0.9), T0.plusSeconds(60));
        c = lifecycle.submit(c, new Assessment(TR, "analyst-TR", Happened.NO, CEASEFIRE, Optional.empty(), 0.0,
                List.of("OBS-2"), "exercise", T0.plusSeconds(90)), T0.plusSeconds(90));
        c = lifecycle.comment(c, new Reconciliation.Comment(TR, "head-TR", T0.plusSeconds(120), "outgoing fire"), T0.plusSeconds(120));
        c = lifecycle.dissent(c, RU, "impacts on the line", T0.plusSeconds(180));
        c = lifecycle.approve(c, new Case.Approval(RU, "head-RU", Role.HEAD_OF_CONTINGENT, T0.plusSeconds(200)), T0.plusSeconds(200));
        c = lifecycle.approve(c, new Case.Approval(TR, "head-TR", Role.HEAD_OF_CONTINGENT, T0.plusSeconds(210)), T0.plusSeconds(210));
        return lifecycle.publish(c, T0.plusSeconds(220));
    }

    // ---- CaseRepository ----

    @Test
    void aCaseReadsBackEqualWithEverythingItHolds() {
        Case c = published("INC-1");
        ports.cases().save(c, 0);
        assertThat(ports.cases().find(c.id())).contains(c);
        Case agreed = lifecycle.submit(lifecycle.submit(opened("INC-2"), assessment(RU, Happened.YES, Optional.of(AZ), 0.9),
                T0.plusSeconds(10)), assessment(TR, Happened.YES, Optional.of(AZ), 0.85), T0.plusSeconds(60));
        assertThat(agreed.state()).isEqualTo(CaseState.FINDING_AGREED);
        ports.cases().save(agreed, 0);
        assertThat(ports.cases().find(agreed.id())).contains(agreed);
        assertThat(ports.cases().find(CaseId.of("CASE-none"))).isEmpty();
    }

    @Test
    void eachSaveMustNameTheStoredVersion() {
        Case v1 = opened("INC-1");
        ports.cases().save(v1, 0);
        Case v2 = lifecycle.submit(v1, assessment(RU, Happened.YES, Optional.of(AZ), 0.9), T0.plusSeconds(60));
        ports.cases().save(v2, 1);
        assertThat(ports.cases().find(v1.id())).contains(v2);

        Case staleV2 = lifecycle.submit(v1, assessment(TR, Happened.NO, Optional.empty(), 0.0), T0.plusSeconds(70));
        assertThatThrownBy(() -> ports.cases().save(staleV2, 1)).isInstanceOf(Refusal.class)
                .satisfies(e -> assertThat(((Refusal) e).kind()).isEqualTo(Refusal.Kind.CONFLICT))
                .hasMessageContaining("read version 1").hasMessageContaining("stored version 2");
        assertThatThrownBy(() -> ports.cases().save(v1, 0)).isInstanceOf(Refusal.class);
        assertThatThrownBy(() -> ports.cases().save(v2, 2)).as("not newer than the read version").isInstanceOf(Refusal.class);
        assertThat(ports.cases().find(v1.id())).contains(v2);
    }

    @Test
    void ofTwoConcurrentMovesOnOneVersionExactlyOneIsStored() throws Exception {
        Case v1 = opened("INC-1");
        ports.cases().save(v1, 0);
        Case byRu = lifecycle.submit(v1, assessment(RU, Happened.YES, Optional.of(AZ), 0.9), T0.plusSeconds(60));
        Case byTr = lifecycle.submit(v1, assessment(TR, Happened.YES, Optional.of(AZ), 0.9), T0.plusSeconds(60));
        List<Boolean> saved = race(List.of(byRu, byTr), c -> {
            try {
                ports.cases().save(c, 1);
                return true;
            } catch (Refusal r) {
                return false;
            }
        });
        assertThat(saved).containsExactlyInAnyOrder(true, false);
        Case stored = ports.cases().find(v1.id()).orElseThrow();
        assertThat(stored.version()).isEqualTo(2);
        assertThat(stored).isIn(byRu, byTr);
    }

    @Test
    void allCasesComeOrderedById() {
        for (String id : List.of("INC-3", "INC-1", "INC-2")) ports.cases().save(opened(id), 0);
        assertThat(ports.cases().all()).extracting(c -> c.id().value()).containsExactly("CASE-INC-1", "CASE-INC-2", "CASE-INC-3");
    }

    // ---- AllegationRepository ----

    private Allegation allegation(AllegationId id, AllegationStatus status) {
        return new Allegation(id, AM, "lo-am", T0, T0, T0.plusSeconds(60),
                new Area.Circle(GeoPoint.of(39.85, 46.78), 500), "shelling of Martuni", CEASEFIRE, List.of("witness"),
                status, List.of(), "filed");
    }

    @Test
    void allegationsAreNumberedPerPartyAndReplacedById() {
        AllegationId a1 = ports.allegations().nextId(AM);
        AllegationId a2 = ports.allegations().nextId(AM);
        AllegationId z1 = ports.allegations().nextId(AZ);
        assertThat(List.of(a1, a2, z1)).extracting(AllegationId::value).containsExactly("ALG-AM-0001", "ALG-AM-0002", "ALG-AZ-0001");
        ports.allegations().save(allegation(a2, AllegationStatus.UNDER_REVIEW));
        Allegation first = allegation(a1, AllegationStatus.UNDER_REVIEW);
        ports.allegations().save(first);
        Allegation reviewed = first.reviewed(AllegationStatus.UNVERIFIABLE, List.of("INC-1"), "not observed");
        ports.allegations().save(reviewed);
        assertThat(ports.allegations().find(a1)).contains(reviewed);
        assertThat(ports.allegations().all()).extracting(Allegation::id).containsExactly(a1, a2);
        assertThat(ports.allegations().find(AllegationId.of("ALG-AM-0099"))).isEmpty();
    }

    @Test
    void concurrentNumberingNeverRepeatsAnId() throws Exception {
        List<Integer> tasks = List.of(0, 1, 2, 3, 4, 5, 6, 7);
        List<List<AllegationId>> ids = race(tasks, i -> {
            List<AllegationId> mine = new ArrayList<>();
            for (int k = 0; k < 5; k++) mine.add(ports.allegations().nextId(PartyId.of("AM")));
            return mine;
        });
        List<String> all = ids.stream().flatMap(List::stream).map(AllegationId::value).sorted().toList();
        assertThat(all).hasSize(40).doesNotHaveDuplicates().startsWith("ALG-AM-0001").endsWith("ALG-AM-0040");
    }

    // ---- AuditLog ----

    @Test
    void theAuditTrailNumbersEntriesAndKeepsEveryField() {
        AuditEntry e1 = ports.audit().recordSystem(T0, Action.OPEN_CASE, "CASE-INC-1", "-", "v1 ASSESSING");
        AuditEntry e2 = ports.audit().record(analyst(RU), T0.plusNanos(1), Action.SUBMIT_ASSESSMENT, "CASE-INC-1",
                "v1 ASSESSING", "v2 ASSESSING assessed=[RU]");
        AuditEntry e3 = ports.audit().record(Principal.liaison("lo-am", AM), T0.plusSeconds(5), Action.FILE_ALLEGATION,
                "ALG-AM-0001", "-", "UNDER_REVIEW");
        assertThat(List.of(e1.seq(), e2.seq(), e3.seq())).containsExactly(1L, 2L, 3L);
        assertThat(e2.role()).contains(Role.ANALYST);
        assertThat(e2.contingent()).contains(RU);
        assertThat(ports.audit().entries()).containsExactly(e1, e2, e3);
        assertThat(ports.audit().about("CASE-INC-1")).containsExactly(e1, e2);
    }

    @Test
    void concurrentAppendsGetGapFreeNumbers() throws Exception {
        List<Integer> tasks = List.of(0, 1, 2, 3);
        race(tasks, i -> {
            for (int k = 0; k < 10; k++) ports.audit().recordSystem(T0, Action.APPLY_DEADLINES, "s" + i, "-", "x");
            return i;
        });
        assertThat(ports.audit().entries()).extracting(AuditEntry::seq)
                .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, 40).boxed().toList());
    }

    // ---- NotificationOutbox ----

    @Test
    void notificationsComeBackPerPartyInOrder() {
        Notification n1 = new Notification(AM, AllegationId.of("ALG-AM-0001"), AllegationStatus.UNVERIFIABLE, T0, "not observed");
        Notification n2 = new Notification(AZ, AllegationId.of("ALG-AZ-0001"), AllegationStatus.NOT_CORROBORATED, T0, "observed");
        Notification n3 = new Notification(AM, AllegationId.of("ALG-AM-0002"), AllegationStatus.CORROBORATED, T0.plusSeconds(1), "confirmed");
        for (Notification n : List.of(n1, n2, n3)) ports.outbox().add(n);
        assertThat(ports.outbox().forParty(AM)).containsExactly(n1, n3);
        assertThat(ports.outbox().all()).containsExactly(n1, n2, n3);
    }

    // ---- RosterRepository ----

    @Test
    void rostersAreKeptPerSlot() {
        assertThat(ports.rosters().find(RosterRepository.Slot.ACTIVE)).isEmpty();
        Roster draft = new Roster(T0, T0.plus(Duration.ofHours(8)), Map.of(RU, List.of("a", "b"), TR, List.of("c")));
        ports.rosters().save(RosterRepository.Slot.DRAFT, draft);
        ports.rosters().save(RosterRepository.Slot.ACTIVE, draft);
        Roster next = draft.with(TR, List.of("c", "d"));
        ports.rosters().save(RosterRepository.Slot.DRAFT, next);
        assertThat(ports.rosters().find(RosterRepository.Slot.DRAFT)).contains(next);
        assertThat(ports.rosters().find(RosterRepository.Slot.ACTIVE)).contains(draft);
    }

    // ---- restart ----

    @Test
    void everythingReadsBackAfterARestart() {
        Case c = published("INC-1");
        ports.cases().save(c, 0);
        AllegationId id = ports.allegations().nextId(AM);
        Allegation a = allegation(id, AllegationStatus.UNDER_REVIEW);
        ports.allegations().save(a);
        AuditEntry e = ports.audit().recordSystem(T0, Action.OPEN_CASE, c.id().value(), "-", "v1");
        Notification n = new Notification(AM, id, AllegationStatus.UNVERIFIABLE, T0, "not observed");
        ports.outbox().add(n);
        Roster r = new Roster(T0, T0.plus(Duration.ofHours(8)), Map.of(RU, List.of("a"), TR, List.of("c")));
        ports.rosters().save(RosterRepository.Slot.ACTIVE, r);

        Optional<Ports> again = reopen();
        org.junit.jupiter.api.Assumptions.assumeTrue(again.isPresent(), "this implementation lives in memory only");
        ports = again.get();
        assertThat(ports.cases().find(c.id())).contains(c);
        assertThat(ports.allegations().find(id)).contains(a);
        assertThat(ports.allegations().nextId(AM).value()).isEqualTo("ALG-AM-0002");
        assertThat(ports.audit().entries()).containsExactly(e);
        assertThat(ports.audit().recordSystem(T0, Action.OPEN_CASE, "x", "-", "v1").seq()).isEqualTo(2);
        assertThat(ports.outbox().all()).containsExactly(n);
        assertThat(ports.rosters().find(RosterRepository.Slot.ACTIVE)).contains(r);
    }

    /** Runs one task per input at once (released together) and returns their results in input order. */
    private static <I, O> List<O> race(List<I> inputs, java.util.function.Function<I, O> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(inputs.size());
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<O>> futures = new ArrayList<>();
            for (I in : inputs) {
                Callable<O> c = () -> {
                    go.await();
                    return task.apply(in);
                };
                futures.add(pool.submit(c));
            }
            go.countDown();
            List<O> out = new ArrayList<>();
            for (Future<O> f : futures) out.add(f.get(60, TimeUnit.SECONDS));
            return out;
        } finally {
            pool.shutdownNow();
        }
    }
}
