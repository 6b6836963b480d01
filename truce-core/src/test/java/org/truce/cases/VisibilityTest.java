package org.truce.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.truce.cases.CaseFixtures.*;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.truce.ground.ContingentId;

/** The blind rule, for both contingents alike, through the one projection every channel uses. */
class VisibilityTest {
    static List<ContingentId> contingents() {
        return BOTH;
    }

    @ParameterizedTest
    @MethodSource("contingents")
    void beforeAnySubmissionEachSideSeesItsOwnSlotPendingAndTheOtherSealed(ContingentId c) {
        var desk = new Desk();
        CaseView v = desk.work.view(analyst(c), desk.id).orElseThrow();
        assertThat(v.slot(c)).isInstanceOf(CaseView.Slot.Pending.class);
        assertThat(v.slot(other(c))).isInstanceOf(CaseView.Slot.Sealed.class);
    }

    @ParameterizedTest
    @MethodSource("contingents")
    void anAssessmentIsInvisibleToTheOtherContingentUntilBothSubmit(ContingentId c) {
        var desk = new Desk();
        desk.work.submit(analyst(c), desk.id, yes(AZ, 0.9));

        CaseView mine = desk.work.view(head(c), desk.id).orElseThrow();
        assertThat(mine.slot(c)).isInstanceOfSatisfying(CaseView.Slot.Visible.class,
                s -> assertThat(s.assessment().contingent()).isEqualTo(c));
        for (Principal theirs : List.of(analyst(other(c)), duty(other(c)), head(other(c)))) {
            CaseView v = desk.work.view(theirs, desk.id).orElseThrow();
            assertThat(v.slot(c)).as(theirs.userId()).isInstanceOf(CaseView.Slot.Sealed.class);
            assertThat(v.outcome()).isEmpty();
            assertThat(desk.work.list(theirs).get(0).slot(c)).isInstanceOf(CaseView.Slot.Sealed.class);
        }
        CaseView audit = desk.work.view(Principal.auditor("aud"), desk.id).orElseThrow();
        assertThat(audit.slot(c)).isInstanceOf(CaseView.Slot.Submitted.class);
        assertThat(audit.slot(other(c))).isInstanceOf(CaseView.Slot.Pending.class);
        assertThat(desk.work.view(Principal.liaison("lo", AM), desk.id)).isEmpty();
        assertThat(desk.work.view(Principal.anonymous(), desk.id)).isEmpty();
        assertThat(desk.work.list(Principal.anonymous())).isEmpty();

        desk.work.submit(analyst(other(c)), desk.id, yes(AZ, 0.85));
        CaseView after = desk.work.view(analyst(other(c)), desk.id).orElseThrow();
        assertThat(after.slot(c)).isInstanceOf(CaseView.Slot.Visible.class);
        assertThat(after.slot(other(c))).isInstanceOf(CaseView.Slot.Visible.class);
    }

    @ParameterizedTest
    @MethodSource("contingents")
    void atTheDeadlineTheBlindLiftsAndTheMissingAssessmentIsRecorded(ContingentId c) {
        var desk = new Desk();
        desk.work.submit(analyst(c), desk.id, yes(AZ, 0.9));
        desk.clock.advance(Duration.ofHours(6).minusSeconds(1));
        assertThat(desk.work.view(analyst(other(c)), desk.id).orElseThrow().slot(c)).isInstanceOf(CaseView.Slot.Sealed.class);

        desk.clock.advance(Duration.ofSeconds(1));
        CaseView lifted = desk.work.view(analyst(other(c)), desk.id).orElseThrow();
        assertThat(lifted.slot(c)).isInstanceOf(CaseView.Slot.Visible.class);
        assertThat(lifted.slot(other(c))).isInstanceOf(CaseView.Slot.Missing.class);

        assertThat(desk.work.settleDeadlines()).hasSize(1);
        assertThat(desk.stored().missing()).containsExactly(other(c));
        assertThat(desk.stored().state()).isEqualTo(CaseState.RECONCILING);
        assertThat(desk.stored().reconciliation().orElseThrow().reason()).contains("MISSING: [" + other(c) + "]");
    }

    @ParameterizedTest
    @MethodSource("contingents")
    void thePublicSeesACaseOnlyOncePublishedAndWithoutTheInternalDiscussion(ContingentId c) {
        var desk = new Desk();
        desk.work.submit(analyst(c), desk.id, yes(AZ, 0.9));
        desk.work.submit(analyst(other(c)), desk.id, yes(AZ, 0.95));
        desk.work.approve(head(c), desk.id);
        assertThat(desk.work.view(Principal.anonymous(), desk.id)).isEmpty();
        desk.work.approve(duty(other(c)), desk.id);
        desk.work.publish(head(other(c)), desk.id);
        CaseView pub = desk.work.view(Principal.anonymous(), desk.id).orElseThrow();
        assertThat(pub.state()).isEqualTo(CaseState.PUBLISHED);
        assertThat(pub.reconciliation()).isEmpty();
        assertThat(pub.outcome()).containsInstanceOf(Finding.class);
    }

    @ParameterizedTest
    @MethodSource("contingents")
    void theRuleIsTheSameForBothSides(ContingentId c) {
        // Same moves with the roles of the contingents swapped give mirror-image views.
        var a = new Desk();
        a.work.submit(analyst(c), a.id, yes(AZ, 0.9));
        var b = new Desk();
        b.work.submit(analyst(other(c)), b.id, yes(AZ, 0.9));
        CaseView va = a.work.view(analyst(other(c)), a.id).orElseThrow();
        CaseView vb = b.work.view(analyst(c), b.id).orElseThrow();
        assertThat(va.slot(c).getClass()).isEqualTo(vb.slot(other(c)).getClass());
        assertThat(va.slot(other(c)).getClass()).isEqualTo(vb.slot(c).getClass());
    }
}
