package org.truce.cases;

import org.truce.codec.JsonEntryCodec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.truce.cases.CaseFixtures.*;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.truce.agreement.ParityRule;
import org.truce.geo.GeoPoint;
import org.truce.ledger.CaseLedgerRecorder;
import org.truce.ledger.CommitRevealCheck;
import org.truce.ledger.EntryCodec;
import org.truce.ledger.EntryKind;
import org.truce.ledger.Ledger;
import org.truce.ledger.LedgerStore;
import org.truce.ledger.Rfc9162;
import org.truce.ledger.memory.InMemoryLedgerStore;
import org.truce.time.SimulatedClock;

/** Joint verification in the transparency log: commit-reveal keeps the blind rule in a log anyone can read. */
class CaseLedgerTest {
    final SimulatedClock clock = new SimulatedClock(T0);
    final InMemoryLedgerStore store = new InMemoryLedgerStore();
    final Ledger ledger = Ledger.open(store, JsonEntryCodec.canonical());
    final CaseLedgerRecorder recorder = new CaseLedgerRecorder(ledger, secret());
    final CaseServices services = CaseServices.over(agreement(new ParityRule(0, 60, true, true)), POLICY,
            recorder.recording(new org.truce.cases.memory.InMemoryCaseRepository()),
            recorder.recording(new org.truce.cases.memory.InMemoryAllegationRepository()),
            new org.truce.cases.memory.InMemoryOutbox(), new org.truce.cases.memory.InMemoryAuditLog(),
            new org.truce.cases.memory.InMemoryRosterRepository(), (area, from, to) -> List.of(), clock);
    final Casework work = services.casework();
    final CaseId id = work.open(incident()).id();

    static byte[] secret() {
        byte[] s = new byte[32];
        Arrays.fill(s, (byte) 7);
        return s;
    }

    List<EntryKind> kinds() {
        return store.read(0, 1000).stream().map(e -> JsonEntryCodec.canonical().decode(e.entry()).kind()).toList();
    }

    String logText() {
        StringBuilder b = new StringBuilder();
        store.read(0, 1000).forEach(e -> b.append(new String(e.entry(), StandardCharsets.UTF_8)).append('\n'));
        return b.toString();
    }

    @Test
    void nothingOfAnAssessmentIsInTheLogWhileTheBlindHolds() {
        work.submit(analyst(RU), id, new AssessmentDraft(Happened.YES, CEASEFIRE, java.util.Optional.of(AZ), 0.93,
                List.of("OBS-1"), "impacts seen north-east"));
        assertThat(kinds()).containsExactly(EntryKind.ASSESSMENT_COMMITMENT);
        String log = logText();
        assertThat(log).contains("\"caseId\":\"CASE-INC-2020-11-14-0042\"").contains("\"contingent\":\"RU\"")
                .doesNotContain("impacts seen").doesNotContain("YES").doesNotContain("\"AZ\"").doesNotContain("0.93")
                .doesNotContain("OBS-1").doesNotContain("analyst-RU");
        assertThat(CommitRevealCheck.check(store, JsonEntryCodec.canonical()).reveals()).isZero();
    }

    @Test
    void whenBothAreInEachRevealOpensItsCommitment() {
        work.submit(analyst(RU), id, yes(AZ, 0.9));
        clock.advance(Duration.ofMinutes(5));
        work.submit(analyst(TR), id, no());
        assertThat(kinds()).containsExactly(EntryKind.ASSESSMENT_COMMITMENT, EntryKind.ASSESSMENT_COMMITMENT,
                EntryKind.ASSESSMENT, EntryKind.ASSESSMENT);
        CommitRevealCheck.Report r = CommitRevealCheck.check(store, JsonEntryCodec.canonical());
        assertThat(r.commitments()).isEqualTo(2);
        assertThat(r.opened()).isEqualTo(2);
        assertThat(r.problems()).isEmpty();
        assertThat(logText()).contains("impacts seen").contains("outgoing exercise fire");
    }

    @Test
    void aRevealThatIsNotWhatWasCommittedIsReported() {
        work.submit(analyst(RU), id, yes(AZ, 0.9));
        work.submit(analyst(TR), id, no());
        // a copy of the log in which RU's revealed confidence was changed after the fact
        InMemoryLedgerStore copy = new InMemoryLedgerStore();
        for (LedgerStore.StoredEntry e : store.read(0, 1000)) {
            String text = new String(e.entry(), StandardCharsets.UTF_8);
            byte[] entry = e.index() == 2 ? text.replace("\"confidence\":0.9", "\"confidence\":0.6").getBytes(StandardCharsets.UTF_8) : e.entry();
            assertThat(e.index() != 2 || !Arrays.equals(entry, e.entry())).isTrue();
            copy.append(e.index(), entry, Rfc9162.leafHashOf(entry));
        }
        CommitRevealCheck.Report r = CommitRevealCheck.check(copy, JsonEntryCodec.canonical());
        assertThat(r.opened()).isEqualTo(1);
        assertThat(r.problems()).singleElement().asString().startsWith("entry 2 (CASE-INC-2020-11-14-0042/RU)")
                .contains("was committed");
        // the log verifier (truce verify, the center's self-audit) runs the same check in its pass
        var report = org.truce.ledger.LogVerifier.verify(JsonEntryCodec.canonical(), copy.read(0, 1000).iterator(), List.of(), List.of(),
                List.of("RU", "TR"), java.util.Optional.empty());
        assertThat(report.problems()).anySatisfy(p -> {
            assertThat(p.where()).isEqualTo("entry 2");
            assertThat(p.reason()).contains("does not open its commitment");
        });
        assertThat(org.truce.ledger.LogVerifier.verify(JsonEntryCodec.canonical(), store.read(0, 1000).iterator(), List.of(), List.of(),
                List.of("RU", "TR"), java.util.Optional.empty()).notes())
                .contains("2 of 2 revealed assessments open the commitment logged before them");
    }

    @Test
    void theDeadlineLiftsTheBlindAndRevealsWhatCameIn() {
        work.submit(analyst(TR), id, yes(AZ, 0.9));
        clock.advance(POLICY.assessmentWindow());
        work.settleDeadlines();
        assertThat(kinds()).containsExactly(EntryKind.ASSESSMENT_COMMITMENT, EntryKind.ASSESSMENT);
        assertThat(CommitRevealCheck.check(store, JsonEntryCodec.canonical()).problems()).isEmpty();
    }

    @Test
    void findingsAndDissentsAreLoggedWhenPublished() {
        work.submit(analyst(RU), id, yes(AZ, 0.9));
        work.submit(analyst(TR), id, yes(AZ, 0.85));
        work.approve(head(RU), id);
        assertThat(kinds()).doesNotContain(EntryKind.FINDING);
        work.approve(head(TR), id);
        work.publish(head(TR), id);
        assertThat(kinds()).endsWith(EntryKind.FINDING);

        CaseId other = work.open(incident("INC-2020-11-14-0043", T0, T0.plusSeconds(60))).id();
        work.submit(analyst(RU), other, yes(AZ, 0.9));
        work.submit(analyst(TR), other, no());
        work.dissent(head(RU), other, "impacts on the line");
        work.approve(head(RU), other);
        work.approve(head(TR), other);
        work.publish(head(RU), other);
        assertThat(kinds()).endsWith(EntryKind.DISSENT);
        assertThat(kinds().stream().filter(k -> k == EntryKind.FINDING || k == EntryKind.DISSENT)).hasSize(2);
    }

    @Test
    void allegationsAreLoggedWhenFiledAndWhenReviewed() {
        Principal lo = Principal.liaison("lo-am", AM);
        services.allegations().file(lo, T0, T0.plusSeconds(60), new Area.Circle(GeoPoint.of(39.9, 46.9), 100),
                "tank movement", HOLD, List.of("witness"));
        services.allegations().review(Principal.staff("duty-RU", Role.DUTY_OFFICER, RU), List.of(), i -> java.util.Optional.empty());
        assertThat(kinds()).containsExactly(EntryKind.ALLEGATION, EntryKind.ALLEGATION);
        assertThat(logText()).contains("UNDER_REVIEW").contains("UNVERIFIABLE");
    }
}
