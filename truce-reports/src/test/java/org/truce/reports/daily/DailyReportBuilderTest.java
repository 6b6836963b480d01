package org.truce.reports.daily;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.truce.cases.Case;
import org.truce.cases.CaseState;
import org.truce.cases.Verdict;
import org.truce.reports.daily.DailyReport.CountRow;
import org.truce.rules.Incident;

/** The report model of a seeded simulated day: counts, editions, traceability and the checkpoint. */
class DailyReportBuilderTest {
    private final SimulatedDay day = SimulatedDay.get();

    @Test
    void countsArePerZonePartyAndKindWithTheirIncidentsAndTheChangeFromThePreviousDay() {
        DailyReport r = day.report(Edition.PUBLIC);
        List<Incident> all = day.store.incidents().all();
        List<String> expected = all.stream().filter(i -> SimulatedDay.PERIOD.contains(i.start())).map(Incident::id).toList();
        long previous = all.stream().filter(i -> SimulatedDay.PERIOD.previous().contains(i.start())).count();
        assertThat(expected).isNotEmpty();
        assertThat(previous).isPositive();
        assertThat(r.counts().total()).isEqualTo(expected.size());
        assertThat(r.counts().incidentIds()).containsExactlyElementsOf(expected);
        assertThat(r.counts().previousTotal()).isEqualTo((int) previous);
        for (List<CountRow> rows : List.of(r.counts().byZone(), r.counts().byParty(), r.counts().byKind())) {
            assertThat(rows.stream().mapToInt(CountRow::count).sum()).isEqualTo(expected.size());
            assertThat(rows.stream().mapToInt(CountRow::previous).sum()).isEqualTo((int) previous);
            assertThat(rows.stream().flatMap(x -> x.incidentIds().stream())).containsExactlyInAnyOrderElementsOf(expected);
            rows.forEach(x -> assertThat(x.incidentIds()).hasSize(x.count()));
        }
        // Every incident in the zone row really is in that zone.
        for (CountRow z : r.counts().byZone()) {
            z.incidentIds().forEach(id -> assertThat(day.store.incidents().find(id).orElseThrow().zone().value()).isEqualTo(z.key()));
        }
        assertThat(r.counts().byHour()).hasSize(24);
        assertThat(r.counts().byHour().stream().mapToInt(DailyReport.HourCount::incidents).sum()).isEqualTo(expected.size());
    }

    @Test
    void thePublicEditionShowsOnlyPublishedCasesAndNoAllegationClaims() {
        DailyReport r = day.report(Edition.PUBLIC);
        Set<String> publishedIds = ids(day.published);
        Set<String> shown = new HashSet<>();
        Stream.concat(r.confirmed().stream(), r.otherFindings().stream()).forEach(f -> shown.add(f.caseId()));
        r.dissents().forEach(d -> shown.add(d.caseId()));
        assertThat(shown).isNotEmpty().isSubsetOf(publishedIds);
        assertThat(r.confirmed()).allSatisfy(f -> {
            assertThat(f.verdict()).isEqualTo(Verdict.CONFIRMED.name());
            assertThat(f.published()).isPresent();
            assertThat(f.provisions()).isNotEmpty();
        });
        String text = r.toString();
        for (String unpublished : ids(day.unpublished)) assertThat(text.contains(unpublished)).as(unpublished).isFalse();
        assertThat(text.contains(day.blindCaseId)).as("blind case id").isFalse();
        assertThat(text.contains(SimulatedDay.BLIND_TEXT)).as("blind assessment").isFalse();
        assertThat(text.contains(SimulatedDay.ALLEGATION_CLAIM)).as("allegation claim").isFalse();
        assertThat(r.pending().notShown()).isPositive();
        assertThat(r.pending().undecided()).isEmpty();
        assertThat(r.pending().unpublished()).isEmpty();
        assertThat(r.allegations()).extracting(DailyReport.AllegationRow::id).contains("ALG-AZ-0001");
        assertThat(r.allegations()).allSatisfy(a -> assertThat(a.description()).isEmpty());
    }

    @Test
    void theRestrictedEditionAddsDecidedUnpublishedCasesButNeverABlindAssessment() {
        DailyReport r = day.report(Edition.RESTRICTED);
        Set<String> decidedInPeriod = new HashSet<>();
        Stream.concat(day.published.stream(), day.unpublished.stream())
                .filter(c -> SimulatedDay.PERIOD.contains(day.store.incidents().find(c.incidentId()).orElseThrow().start()))
                .forEach(c -> decidedInPeriod.add(c.id().value()));
        Set<String> shown = new HashSet<>();
        Stream.concat(r.confirmed().stream(), r.otherFindings().stream()).forEach(f -> shown.add(f.caseId()));
        r.dissents().forEach(d -> shown.add(d.caseId()));
        assertThat(shown).isEqualTo(decidedInPeriod);
        assertThat(r.pending().undecided()).containsExactly(day.blindCaseId);
        assertThat(r.pending().unpublished()).isNotEmpty().allSatisfy(id -> assertThat(ids(day.unpublished)).contains(id));
        assertThat(r.toString().contains(SimulatedDay.BLIND_TEXT)).as("blind assessment").isFalse();
        assertThat(r.toString().contains(SimulatedDay.ALLEGATION_CLAIM)).as("allegation claim").isTrue();
        assertThat(r.dissents()).allSatisfy(d -> assertThat(d.positions()).extracting(DailyReport.Position::contingent)
                .containsExactly("RU", "TR"));
        long dissentsExpected = Stream.concat(day.published.stream(), day.unpublished.stream())
                .filter(c -> decidedInPeriod.contains(c.id().value()) && c.state() != CaseState.ASSESSING && c.dissent().isPresent()).count();
        assertThat(r.dissents()).hasSize((int) dissentsExpected);
    }

    @Test
    void namesTheLatestJointCheckpointAtOrBeforeTheCutoff() {
        DailyReport.CheckpointRef cp = day.report(Edition.PUBLIC).header().checkpoint().orElseThrow();
        assertThat(cp.treeSize()).isEqualTo(SimulatedDay.JOINT_TREE_SIZE);
        assertThat(cp.rootHash()).isEqualTo(day.jointRoot.base64());
        assertThat(cp.signers()).containsExactly("RU", "TR");
        assertThat(cp.origin()).isEqualTo("truce/karabakh-2020");
    }

    @Test
    void coverageAndOutagesComeFromTheReplayedLog() {
        DailyReport r = day.report(Edition.PUBLIC);
        assertThat(r.coverage().observationsReplayed()).isPositive();
        assertThat(r.coverage().hours()).isEqualTo(24);
        assertThat(r.coverage().cells()).isNotEmpty();
        assertThat(r.coverage().observedAreas()).isPositive();
        // The simulation ends at 21:00 (its last reports fall in the 21:00 bin), so at most 6 of the 24 hours are observed.
        assertThat(r.coverage().cells()).allSatisfy(c -> assertThat(c.observedCellHours()).isLessThanOrEqualTo(6 * c.cells()));
        // When the sensors fall silent at the end of the run every reporting asset goes offline within the period.
        assertThat(r.outages()).isNotEmpty();
        assertThat(r.outages()).extracting(DailyReport.OutageRow::asset).contains("RU-UAV-01", "TR-UAV-01");
        assertThat(r.outages().stream().map(o -> o.asset() + "/" + o.status()).distinct().count())
                .as("one row per asset and status").isEqualTo(r.outages().size());
        assertThat(r.outages()).allSatisfy(o -> assertThat(SimulatedDay.PERIOD.contains(o.first())).isTrue());
    }

    @Test
    void withoutJointVerificationDataTheReportSaysSoAndCountsEveryIncidentAsWithoutCase() {
        var s = day.sources();
        var bare = new DailyReportBuilder.Sources(s.agreement(), s.incidents(), s.observations(), s.assets(),
                Optional.empty(), s.checkpoints());
        DailyReport r = DailyReportBuilder.build(bare, Edition.RESTRICTED, SimulatedDay.AS_OF, day.facts());
        assertThat(r.header().jointVerification()).isFalse();
        assertThat(r.confirmed()).isEmpty();
        assertThat(r.dissents()).isEmpty();
        assertThat(r.allegations()).isEmpty();
        assertThat(r.pending().withoutCase()).isEqualTo(r.counts().total());
    }

    private static Set<String> ids(List<Case> cases) {
        Set<String> out = new HashSet<>();
        cases.forEach(c -> out.add(c.id().value()));
        return out;
    }
}
