package org.truce.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.truce.cases.CaseFixtures.*;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Locks, the work queue and the audit trail. */
class DeskTest {

    @Test
    void oneHolderPerCasePerContingentAndExpiredLocksAreFree() {
        var desk = new Desk();
        Principal ru1 = analyst(RU), ru2 = Principal.staff("analyst-RU-2", Role.ANALYST, RU);
        CaseLocks.Lock lock = desk.work.lock(ru1, desk.id);
        assertThat(lock.expires()).isEqualTo(T0.plus(Duration.ofMinutes(15)));
        assertThatThrownBy(() -> desk.work.lock(ru2, desk.id)).hasMessageContaining("being worked on by analyst-RU");
        desk.work.lock(analyst(TR), desk.id); // the other contingent locks independently
        assertThatThrownBy(() -> desk.work.unlock(ru2, desk.id)).hasMessageContaining("held by analyst-RU");
        desk.clock.advance(Duration.ofMinutes(15));
        assertThat(desk.work.lock(ru2, desk.id).holder()).isEqualTo("analyst-RU-2");
        desk.work.unlock(ru2, desk.id);
        assertThat(desk.work.lock(ru1, desk.id).holder()).isEqualTo("analyst-RU");
    }

    @Test
    void everySavedChangeIsAnnouncedWhoeverMadeItAndAFailingListenerUndoesNothing() {
        var desk = new Desk();
        List<CaseId> seen = new java.util.ArrayList<>();
        desk.work.onChange(seen::add);
        desk.work.onChange(id -> { throw new IllegalStateException("a broken live feed"); });
        CaseId second = desk.work.open(incident("INC-2020-11-14-0043", T0, T0.plusSeconds(60))).id();
        desk.work.open(incident("INC-2020-11-14-0043", T0, T0.plusSeconds(60))); // idempotent: nothing changed
        desk.work.lock(analyst(RU), desk.id);
        desk.work.submit(analyst(RU), desk.id, yes(AZ, 0.9));
        desk.work.unlock(analyst(RU), desk.id);
        assertThatThrownBy(() -> desk.work.submit(analyst(RU), desk.id, yes(AZ, 0.9))).isInstanceOf(Refusal.class);
        desk.clock.advance(POLICY.assessmentWindow().plusMinutes(1));
        desk.work.settleDeadlines();
        assertThat(seen.subList(0, 4)).containsExactly(second, desk.id, desk.id, desk.id);
        assertThat(seen.subList(4, seen.size())).containsExactlyInAnyOrder(desk.id, second);
        assertThat(desk.stored().missing()).containsExactly(TR);
    }

    @Test
    void aHolderRenewsItsOwnLock() {
        var locks = new CaseLocks(Duration.ofMinutes(10));
        CaseId id = CaseId.of("CASE-1");
        locks.acquire(id, analyst(RU), T0);
        locks.acquire(id, analyst(RU), T0.plusSeconds(300));
        assertThat(locks.holder(id, RU, T0.plusSeconds(800))).isPresent();
        assertThat(locks.holder(id, RU, T0.plusSeconds(900))).isEmpty();
        assertThat(locks.holder(id, TR, T0)).isEmpty();
    }

    @Test
    void theQueueOrdersByUrgencyAndShowsWhatIsLeftToDo() {
        var desk = new Desk();
        desk.clock.advance(Duration.ofHours(2));
        CaseId second = desk.work.open(incident("INC-2020-11-14-0043", T0, T0.plusSeconds(60))).id();
        desk.work.lock(analyst(TR), second);
        desk.clock.advance(Duration.ofHours(3).plusMinutes(30)); // first case due in 30 min, second in 2.5 h
        List<WorkQueue.Item> q = desk.work.queue(analyst(TR), TR);
        assertThat(q).extracting(WorkQueue.Item::caseId).containsExactly(desk.id, second);
        assertThat(q).extracting(WorkQueue.Item::urgency).containsExactly(WorkQueue.Urgency.DUE_SOON, WorkQueue.Urgency.NORMAL);
        assertThat(q.get(1).lock()).isEmpty(); // 15-minute lock has expired
        desk.work.submit(analyst(TR), desk.id, yes(AZ, 0.9));
        assertThat(desk.work.queue(analyst(TR), TR)).extracting(WorkQueue.Item::caseId).containsExactly(second);
        assertThat(desk.work.queue(analyst(RU), RU)).extracting(WorkQueue.Item::task)
                .containsExactly(WorkQueue.Task.ASSESS, WorkQueue.Task.ASSESS);
        desk.clock.advance(Duration.ofHours(1));
        // the first case's deadline passed: RU must now reconcile it; the second still awaits its assessment
        assertThat(desk.work.queue(analyst(RU), RU)).extracting(WorkQueue.Item::caseId, WorkQueue.Item::task)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(second, WorkQueue.Task.ASSESS),
                        org.assertj.core.groups.Tuple.tuple(desk.id, WorkQueue.Task.RECONCILE));
        desk.work.submit(analyst(RU), second, yes(AZ, 0.9));
        desk.work.submit(analyst(TR), second, yes(AZ, 0.9));
        assertThat(desk.work.queue(head(RU), RU)).extracting(WorkQueue.Item::task)
                .containsExactly(WorkQueue.Task.RECONCILE, WorkQueue.Task.APPROVE);
        assertThatThrownBy(() -> desk.work.queue(analyst(RU), TR)).isInstanceOf(Refusal.class);
    }

    @Test
    void everyActionIsAuditedWithWhoWhenWhatBeforeAndAfter() {
        var desk = new Desk();
        desk.work.lock(analyst(RU), desk.id);
        desk.work.submit(analyst(RU), desk.id, yes(AZ, 0.9));
        desk.work.unlock(analyst(RU), desk.id);
        desk.clock.advance(Duration.ofMinutes(5));
        desk.work.submit(analyst(TR), desk.id, no());
        desk.work.comment(duty(TR), desk.id, "exercise fire");
        desk.work.dissent(head(TR), desk.id, "no violation");
        desk.work.approve(head(RU), desk.id);
        desk.work.approve(head(TR), desk.id);
        desk.work.publish(head(RU), desk.id);
        assertThatThrownBy(() -> desk.work.publish(head(RU), desk.id)).isInstanceOf(Refusal.class);

        List<AuditEntry> trail = desk.audit.about(desk.id.value());
        assertThat(trail).extracting(AuditEntry::action).containsExactly(Action.OPEN_CASE, Action.ACQUIRE_LOCK,
                Action.SUBMIT_ASSESSMENT, Action.RELEASE_LOCK, Action.SUBMIT_ASSESSMENT, Action.COMMENT,
                Action.RECORD_DISSENT, Action.APPROVE_PUBLICATION, Action.APPROVE_PUBLICATION, Action.PUBLISH, Action.PUBLISH);
        assertThat(trail).extracting(AuditEntry::seq).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L);
        assertThat(trail.get(10).after()).startsWith("refused: ").contains("PUBLISHED and cannot move to PUBLISHED");
        assertThat(trail.get(0).actor()).isEqualTo("system");
        assertThat(trail.get(0).role()).isEmpty();
        AuditEntry second = trail.get(4);
        assertThat(second.actor()).isEqualTo("analyst-TR");
        assertThat(second.contingent()).contains(TR);
        assertThat(second.at()).isEqualTo(T0.plus(Duration.ofMinutes(5)));
        assertThat(second.before()).contains("ASSESSING", "assessed=[RU]");
        assertThat(second.after()).contains("RECONCILING", "assessed=[RU, TR]");
        assertThat(trail.get(9).after()).startsWith("v").contains("PUBLISHED", "dissent");
        // consecutive entries chain: each "before" is the previous case move's "after"
        assertThat(trail.get(5).before()).isEqualTo(trail.get(4).after());
        assertThatThrownBy(() -> desk.audit.entries().add(trail.get(0))).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void forbiddenAttemptsAreAuditedToo() {
        var desk = new Desk();
        assertThatThrownBy(() -> desk.work.approve(analyst(TR), desk.id)).isInstanceOf(Refusal.class);
        AuditEntry e = desk.audit.entries().get(desk.audit.entries().size() - 1);
        assertThat(e.actor()).isEqualTo("analyst-TR");
        assertThat(e.action()).isEqualTo(Action.APPROVE_PUBLICATION);
        assertThat(e.after()).startsWith("forbidden: ").contains("needs one of");
    }

    @Test
    void deadlinesAppliedByTheCenterAreAuditedAsTheSystem() {
        var desk = new Desk();
        desk.clock.advance(Duration.ofHours(6));
        assertThatThrownBy(() -> desk.work.settleDeadlines(analyst(RU))).isInstanceOf(Refusal.class);
        assertThat(desk.work.settleDeadlines(duty(TR))).hasSize(1);
        AuditEntry e = desk.audit.entries().get(desk.audit.entries().size() - 1);
        assertThat(e.action()).isEqualTo(Action.APPLY_DEADLINES);
        assertThat(e.after()).contains("missing=[RU, TR]");
        assertThat(desk.work.settleDeadlines()).isEmpty();
    }
}
