package org.truce.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.truce.codec.TruceJson;
import org.truce.testing.TestAgreements;

class EvaluateCommandTest {
    private static final String[] KEYS = {"trackPurity", "trackCompleteness", "locationRmsOverCrlb",
            "ellipse95Coverage", "wrongAttributions", "undeterminedShare", "recall", "precision", "locatedFireEvents"};

    @Test
    void evaluatesTwoSeedsAndWritesPooledAndPerSeedFigures(@TempDir Path dir) throws Exception {
        Path report = dir.resolve("out/eval.json");
        Cli r = Cli.run("evaluate", "--scenario", TestAgreements.scenarioDir("karabakh-2020").toString(),
                "--seeds", "1,2", "--duration", "2h", "--json", report.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).contains("evaluate: seed 1 ", "evaluate: seed 2 done");
        assertThat(r.out()).contains("track purity", "report: ");
        JsonNode json = TruceJson.mapper().readTree(report.toFile());
        for (String key : KEYS) assertThat(json.has(key)).as(key).isTrue();
        assertThat(json.get("seeds")).hasSize(2);
        JsonNode perSeed = json.get("perSeed");
        assertThat(perSeed).hasSize(2);
        assertThat(perSeed.get(0).get("seed").asLong()).isEqualTo(1);
        assertThat(perSeed.get(1).get("seed").asLong()).isEqualTo(2);
        for (JsonNode seed : perSeed) for (String key : KEYS) assertThat(seed.has(key)).as(key).isTrue();
        // Pooled counts are the sums of the seeds' counts.
        assertThat(json.get("trackDetections").asLong())
                .isEqualTo(perSeed.get(0).get("trackDetections").asLong() + perSeed.get(1).get("trackDetections").asLong());
        assertThat(json.get("confirmedTracks").asInt()).isPositive();
        double purity = json.get("trackPurity").asDouble();
        assertThat(purity).isBetween(0.0, 1.0);
    }

    @Test
    void readsSeedRangesAndListsAndRefusesNonsense() {
        assertThat(EvaluateCommand.parseSeeds("1..20")).hasSize(20).startsWith(1L, 2L).endsWith(20L);
        assertThat(EvaluateCommand.parseSeeds("1,2,5")).containsExactly(1L, 2L, 5L);
        assertThat(EvaluateCommand.parseSeeds("5, 1..3,2")).containsExactly(1L, 2L, 3L, 5L);
        assertThatThrownBy(() -> EvaluateCommand.parseSeeds("3..1")).isInstanceOf(UserError.class)
                .hasMessageContaining("backwards");
        assertThatThrownBy(() -> EvaluateCommand.parseSeeds("1,x")).isInstanceOf(UserError.class)
                .hasMessageContaining("'x'");
        assertThatThrownBy(() -> EvaluateCommand.parseSeeds("1,,2")).isInstanceOf(UserError.class)
                .hasMessageContaining("empty");
    }

    @Test
    void requiresTheJsonFile() {
        Cli r = Cli.run("evaluate", "--seeds", "1");
        assertThat(r.exitCode()).isNotZero();
        assertThat(r.err()).contains("--json");
    }
}
