package org.truce.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.truce.cases.CaseFixtures.*;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.truce.rules.Incident;

class AutoAssessorTest {
    static final AutoAssessor.Config CAREFUL = new AutoAssessor.Config(7, 0.05, Map.of(), Duration.ofMinutes(20), Duration.ofHours(2));
    static final AutoAssessor.Config BIASED = new AutoAssessor.Config(11, 0.25, Map.of(AZ, -0.3, AM, 0.3),
            Duration.ofMinutes(30), Duration.ofHours(8));

    static List<Incident> incidents(int n) {
        return IntStream.range(0, n).mapToObj(i -> incident(String.format("INC-2020-11-14-%04d", i),
                T0.plusSeconds(600L * i), T0.plusSeconds(600L * i + 120))).toList();
    }

    @Test
    void theSameSeedGivesTheSameAssessments() {
        var a = new AutoAssessor(RU, BIASED);
        var b = new AutoAssessor(RU, BIASED);
        for (Incident i : incidents(50)) {
            assertThat(a.assess(i, T0)).isEqualTo(b.assess(i, T0));
            assertThat(a.delay(i)).isEqualTo(b.delay(i)).isBetween(Duration.ofMinutes(30), Duration.ofHours(8));
        }
    }

    @Test
    void errorRateAndBiasShowInTheAssessments() {
        var careful = new AutoAssessor(RU, CAREFUL);
        var biased = new AutoAssessor(TR, BIASED);
        List<Incident> all = incidents(400);
        long carefulWrong = all.stream().filter(i -> careful.assess(i, T0).happened() != Happened.YES).count();
        long biasedWrong = all.stream().filter(i -> biased.assess(i, T0).happened() != Happened.YES).count();
        assertThat(carefulWrong).isBetween(5L, 40L);
        assertThat(biasedWrong).isBetween(70L, 130L);
        double meanConfidence = all.stream().map(i -> biased.assess(i, T0)).filter(a -> a.attribution().isPresent())
                .mapToDouble(Assessment::confidence).average().orElseThrow();
        assertThat(meanConfidence).isBetween(0.55, 0.67); // 0.91 - 0.3, give or take the noise
    }

    @Test
    void swappingTheContingentsConfigsSwapsTheResults() {
        List<Incident> all = incidents(200);
        var sim = new CaseSimulation(POLICY);
        var straight = sim.run(all, List.of(new AutoAssessor(RU, CAREFUL), new AutoAssessor(TR, BIASED)));
        var swapped = sim.run(all, List.of(new AutoAssessor(RU, BIASED), new AutoAssessor(TR, CAREFUL)));
        assertThat(swapped.findings()).isEqualTo(straight.findings());
        assertThat(swapped.dissents()).isEqualTo(straight.dissents());
        assertThat(swapped.missingAssessments()).isEqualTo(straight.missingAssessments());
        assertThat(swapped.medianTimeToFinding()).isEqualTo(straight.medianTimeToFinding());
        for (int k = 0; k < all.size(); k++) {
            Case s = straight.cases().get(k), w = swapped.cases().get(k);
            assertThat(w.state()).isEqualTo(s.state());
            assertThat(w.finding()).isEqualTo(s.finding());
            assertThat(relabel(w.assessmentOf(RU))).isEqualTo(relabel(s.assessmentOf(TR)));
            assertThat(relabel(w.assessmentOf(TR))).isEqualTo(relabel(s.assessmentOf(RU)));
            assertThat(w.missing().stream().map(CaseFixtures::other).toList()).containsExactlyInAnyOrderElementsOf(s.missing());
        }
    }

    private static java.util.Optional<List<Object>> relabel(java.util.Optional<Assessment> a) {
        return a.map(x -> List.of(x.happened(), x.provision(), x.attribution(), x.confidence(), x.evidence(), x.submitted()));
    }

    @Test
    void theSimulationCountsFindingsDissentsAndTheMedianTimeToFinding() {
        List<Incident> all = incidents(300);
        var sim = new CaseSimulation(POLICY);
        var fair = sim.run(all, List.of(new AutoAssessor(RU, CAREFUL),
                new AutoAssessor(TR, new AutoAssessor.Config(8, 0.05, Map.of(), Duration.ofMinutes(20), Duration.ofHours(2)))));
        assertThat(fair.findings() + fair.dissents()).isEqualTo(300);
        assertThat(fair.findings()).isGreaterThan(200);
        assertThat(fair.missingAssessments()).isZero();
        assertThat(fair.medianTimeToFinding()).hasValueSatisfying(d -> assertThat(d).isBetween(Duration.ofMinutes(20), Duration.ofHours(2)));

        var skewed = sim.run(all, List.of(new AutoAssessor(RU, CAREFUL), new AutoAssessor(TR, BIASED)));
        assertThat(skewed.dissents()).isGreaterThan(fair.dissents());
        assertThat(skewed.missingAssessments()).isPositive(); // delays up to 8 h miss the 6 h deadline
        assertThat(sim.run(all, List.of(new AutoAssessor(RU, CAREFUL), new AutoAssessor(TR, BIASED))))
                .usingRecursiveComparison().isEqualTo(skewed);
    }
}
