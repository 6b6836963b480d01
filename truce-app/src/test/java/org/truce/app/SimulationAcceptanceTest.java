package org.truce.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;
import org.truce.codec.TruceJson;
import org.truce.testing.TestAgreements;

/**
 * Part 1's acceptance: a simulated day of the Karabakh scenario through the real pipeline, scored against the
 * simulator's ground truth, for seeds 1–5: recall ≥ 0.95 (violations nobody could observe counted apart) and
 * precision ≥ 0.90.
 */
class SimulationAcceptanceTest {
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(ints = {1, 2, 3, 4, 5})
    void aSimulatedDayMeetsTheRecallAndPrecisionTargets(int seed, @TempDir Path dir) throws Exception {
        Path report = dir.resolve("r.json");
        Cli r = Cli.run("simulate", "--scenario", TestAgreements.scenarioDir("karabakh-2020").toString(),
                "--seed", Integer.toString(seed), "--duration", "24h", "--headless", "--quiet",
                "--report-json", report.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode json = TruceJson.mapper().readTree(report.toFile());
        for (String key : new String[] {"observableViolations", "unobservableViolations", "incidents",
                "matchedIncidents", "falseIncidents", "recall", "precision"}) {
            assertThat(json.has(key)).as(key).isTrue();
        }
        assertThat(json.get("observableViolations").asInt()).isPositive();
        assertThat(json.get("recall").asDouble()).as("recall; missed %s", json.get("missedViolations"))
                .isGreaterThanOrEqualTo(0.95);
        assertThat(json.get("precision").asDouble()).as("precision; false %s", json.get("falseIncidentIds"))
                .isGreaterThanOrEqualTo(0.90);

        // part 4: the scenario's automatic assessors (5 % error, 10 min–2 h to assess) over the day's incidents
        for (String key : new String[] {"cases", "findings", "dissents", "missingAssessments", "medianTimeToFinding"}) {
            assertThat(json.has(key)).as(key).isTrue();
        }
        int incidents = json.get("incidents").asInt();
        assertThat(json.get("cases").asInt()).isEqualTo(incidents);
        assertThat(json.get("findings").asInt() + json.get("dissents").asInt()).isEqualTo(incidents);
        assertThat(json.get("missingAssessments").asInt()).as("2 h at most, well inside the 6 h window").isZero();
        assertThat(json.get("findings").asInt()).as("most incidents end in a joint finding")
                .isGreaterThan(json.get("dissents").asInt());
        Duration median = Duration.parse(json.get("medianTimeToFinding").asText());
        assertThat(median).isBetween(Duration.ofMinutes(10), Duration.ofHours(2));
    }

    @Test
    void assessorsThatNeverErrAndShareASeedNeverDissent(@TempDir Path dir) throws Exception {
        JsonNode json = simulate(dir, "--assessors", "error=0,seed=3");
        assertThat(json.get("incidents").asInt()).isPositive();
        assertThat(json.get("dissents").asInt()).isZero();
        assertThat(json.get("findings").asInt()).as("every decided case is a finding").isEqualTo(json.get("incidents").asInt());
        assertThat(json.at("/assessors/RU/errorRate").asDouble()).isZero();
    }

    @Test
    void anErringContingentCausesDissentsAndSlowAssessorsAreRecordedMissing(@TempDir Path dir) throws Exception {
        JsonNode json = simulate(dir, "--assessors", "error=0,seed=3", "--assessors", "TR:error=0.5,min-delay=PT5H,max-delay=PT8H");
        int incidents = json.get("incidents").asInt();
        assertThat(json.get("dissents").asInt()).isPositive();
        assertThat(json.get("missingAssessments").asInt()).as("TR submits after the 6 h window on about 2/3 of the cases")
                .isPositive().isLessThan(incidents);
        assertThat(json.get("findings").asInt() + json.get("dissents").asInt()).isEqualTo(incidents);
        assertThat(json.at("/assessors/TR/errorRate").asDouble()).isEqualTo(0.5);
        assertThat(json.at("/assessors/RU/errorRate").asDouble()).isZero();
    }

    @Test
    void aBadAssessorSpecIsRefusedWithTheReason(@TempDir Path dir) {
        Cli r = Cli.run("simulate", "--scenario", TestAgreements.scenarioDir("karabakh-2020").toString(),
                "--duration", "1h", "--headless", "--quiet", "--assessors", "error=lots");
        assertThat(r.exitCode()).isNotZero();
        assertThat(r.err()).contains("--assessors 'error=lots'").contains("is not a number");
    }

    private static JsonNode simulate(Path dir, String... assessorOptions) throws Exception {
        Path report = dir.resolve("r.json");
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("simulate", "--scenario",
                TestAgreements.scenarioDir("karabakh-2020").toString(), "--seed", "2", "--duration", "8h", "--headless",
                "--quiet", "--report-json", report.toString()));
        args.addAll(java.util.List.of(assessorOptions));
        Cli r = Cli.run(args.toArray(String[]::new));
        assertThat(r.exitCode()).as(r.err()).isZero();
        return TruceJson.mapper().readTree(report.toFile());
    }
}
