package org.truce.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.truce.cases.CaseFixtures.*;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CaseLifecycleTest {

    @Test
    void matchingAssessmentsMakeAJointFinding() {
        var desk = new Desk();
        desk.work.submit(analyst(RU), desk.id, yes(AZ, 0.9));
        CaseView v = desk.work.submit(analyst(TR), desk.id, yes(AZ, 0.82));
        assertThat(v.state()).isEqualTo(CaseState.FINDING_AGREED);
        Finding f = desk.stored().finding().orElseThrow();
        assertThat(f.verdict()).isEqualTo(Verdict.CONFIRMED);
        assertThat(f.attribution()).contains(AZ);
        assertThat(f.confidence()).isEqualTo(0.82);
        assertThat(f.provisions()).containsExactly(CEASEFIRE);
        assertThat(f.basis()).isEqualTo(Finding.Basis.MATCHING_ASSESSMENTS);
    }

    @Test
    void matchingIsDefinedOnHappenedProvisionAndEffectiveAttribution() {
        Matching m = new Matching(0.8);
        var ruAz9 = assessment(RU, Happened.YES, Optional.of(AZ), 0.9);
        assertThat(m.matches(ruAz9, assessment(TR, Happened.YES, Optional.of(AZ), 0.8))).isTrue();
        assertThat(m.matches(ruAz9, assessment(TR, Happened.YES, Optional.of(AZ), 0.79))).isFalse();
        assertThat(m.matches(ruAz9, assessment(TR, Happened.YES, Optional.of(AM), 0.9))).isFalse();
        assertThat(m.matches(assessment(RU, Happened.YES, Optional.of(AZ), 0.5),
                assessment(TR, Happened.YES, Optional.empty(), 0.0))).isTrue();
        assertThat(m.matches(ruAz9, assessment(TR, Happened.UNDETERMINED, Optional.empty(), 0.0))).isFalse();
        var otherProvision = new Assessment(TR, "x", Happened.YES, HOLD, Optional.of(AZ), 0.9, List.of(), "t", T0);
        assertThat(m.matches(ruAz9, otherProvision)).isFalse();
        Finding undetermined = m.jointFinding(List.of(assessment(RU, Happened.YES, Optional.of(AZ), 0.5),
                assessment(TR, Happened.YES, Optional.of(AM), 0.6))).orElseThrow();
        assertThat(undetermined.attribution()).isEmpty();
        assertThat(undetermined.verdict()).isEqualTo(Verdict.CONFIRMED);
    }

    @Test
    void differingAssessmentsOpenReconciliationThatCanEndInDissent() {
        var desk = new Desk();
        desk.work.submit(analyst(RU), desk.id, yes(AZ, 0.9));
        CaseView v = desk.work.submit(analyst(TR), desk.id, no());
        assertThat(v.state()).isEqualTo(CaseState.RECONCILING);
        assertThat(desk.stored().reconciliation().orElseThrow().reason()).contains("RU=YES", "TR=NO");
        desk.work.comment(analyst(RU), desk.id, "the impacts are on the AM-held side");
        desk.work.comment(analyst(TR), desk.id, "these were outgoing rounds of an exercise");
        desk.work.dissent(head(RU), desk.id, "we hold that AZ fired");
        Dissent d = desk.stored().dissent().orElseThrow();
        assertThat(desk.stored().state()).isEqualTo(CaseState.DISSENT_RECORDED);
        assertThat(d.positions()).extracting(Dissent.Position::contingent).containsExactly(RU, TR);
        assertThat(d.positions().get(0).statement()).isEqualTo("we hold that AZ fired");
        assertThat(d.positions().get(1).statement()).isEqualTo("these were outgoing rounds of an exercise");
        assertThat(d.positions().get(1).assessment().orElseThrow().happened()).isEqualTo(Happened.NO);
        desk.work.approve(head(RU), desk.id);
        desk.work.approve(head(TR), desk.id);
        assertThat(desk.work.publish(duty(TR), desk.id).state()).isEqualTo(CaseState.PUBLISHED);
    }

    @Test
    void reconciliationCanEndInAnAgreedFindingAcceptedByBoth() {
        var desk = new Desk();
        desk.work.submit(analyst(RU), desk.id, yes(AZ, 0.9));
        desk.work.submit(analyst(TR), desk.id, yes(AZ, 0.6));
        Finding proposal = new Finding(Verdict.CONFIRMED, Optional.empty(), 0.0, List.of(CEASEFIRE), List.of("OBS-1"),
                Finding.Basis.MATCHING_ASSESSMENTS);
        assertThatThrownBy(() -> desk.work.accept(duty(TR), desk.id)).hasMessageContaining("no proposed finding");
        assertThat(desk.work.propose(duty(TR), desk.id, proposal).state()).isEqualTo(CaseState.RECONCILING);
        assertThat(desk.work.accept(duty(RU), desk.id).state()).isEqualTo(CaseState.FINDING_AGREED);
        Finding agreed = desk.stored().finding().orElseThrow();
        assertThat(agreed.basis()).isEqualTo(Finding.Basis.RECONCILED);
        assertThat(agreed.attribution()).isEmpty();
    }

    @Test
    void publishingWithoutEveryHeadIsRefused() {
        var desk = new Desk();
        desk.work.submit(analyst(RU), desk.id, yes(AZ, 0.9));
        desk.work.submit(analyst(TR), desk.id, yes(AZ, 0.9));
        assertThatThrownBy(() -> desk.work.publish(head(RU), desk.id))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.kind()).isEqualTo(Refusal.Kind.CONFLICT))
                .hasMessageContaining("missing: [RU, TR]");
        desk.work.approve(head(TR), desk.id);
        assertThatThrownBy(() -> desk.work.publish(head(TR), desk.id)).hasMessageContaining("missing: [RU]");
        assertThatThrownBy(() -> desk.work.approve(head(TR), desk.id)).hasMessageContaining("TR already approved");
        assertThatThrownBy(() -> desk.work.approve(analyst(RU), desk.id))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.kind()).isEqualTo(Refusal.Kind.FORBIDDEN));
        desk.work.approve(head(RU), desk.id);
        assertThat(desk.work.publish(head(RU), desk.id).published()).contains(T0);
    }

    @Test
    void illegalTransitionsAreRefusedWithTheLegalOnes() {
        var desk = new Desk();
        assertThatThrownBy(() -> desk.work.publish(head(RU), desk.id))
                .hasMessageContaining("is ASSESSING and cannot move to PUBLISHED (legal next states: [RECONCILING, FINDING_AGREED])");
        assertThatThrownBy(() -> desk.work.dissent(head(RU), desk.id, "no"))
                .hasMessageContaining("the case is ASSESSING, not RECONCILING");
        assertThatThrownBy(() -> desk.work.approve(head(RU), desk.id)).hasMessageContaining("nothing to approve");
        desk.work.submit(analyst(RU), desk.id, yes(AZ, 0.9));
        assertThatThrownBy(() -> desk.work.submit(duty(RU), desk.id, no())).hasMessageContaining("RU already submitted");
        assertThat(CaseState.PUBLISHED.next()).isEmpty();
        assertThatThrownBy(() -> CaseState.PUBLISHED.requireMoveTo(CaseState.RECONCILING, desk.id)).hasMessageContaining("final");
    }

    @Test
    void aLateAssessmentIsRefusedAndTheLateSideReconciles() {
        var desk = new Desk();
        desk.work.submit(analyst(RU), desk.id, yes(AZ, 0.9));
        desk.clock.advance(Duration.ofHours(7));
        assertThatThrownBy(() -> desk.work.submit(analyst(TR), desk.id, yes(AZ, 0.9)))
                .hasMessageContaining("TR was recorded MISSING at the deadline");
        desk.work.comment(analyst(TR), desk.id, "our analyst was offline; we agree with RU");
        desk.work.propose(duty(RU), desk.id, desk.work.lifecycle().matching()
                .jointFinding(List.of(desk.stored().assessmentOf(RU).orElseThrow())).orElseThrow());
        assertThat(desk.work.accept(duty(TR), desk.id).state()).isEqualTo(CaseState.FINDING_AGREED);
    }

    @Test
    void badInputIsRefusedAsInvalidWithTheField() {
        var desk = new Desk();
        var bad = new AssessmentDraft(Happened.NO, CEASEFIRE, Optional.of(AZ), 0.9, List.of(), "x");
        assertThatThrownBy(() -> desk.work.submit(analyst(RU), desk.id, bad))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.kind()).isEqualTo(Refusal.Kind.INVALID))
                .hasMessageContaining("assessment.attribution");
        assertThatThrownBy(() -> desk.work.view(analyst(RU), CaseId.of("nope")).orElseThrow()).isInstanceOf(java.util.NoSuchElementException.class);
        assertThatThrownBy(() -> desk.work.comment(analyst(RU), CaseId.of("nope"), "x"))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.kind()).isEqualTo(Refusal.Kind.NOT_FOUND));
    }
}
