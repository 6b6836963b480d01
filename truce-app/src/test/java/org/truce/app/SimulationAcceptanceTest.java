package org.truce.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
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
    }
}
