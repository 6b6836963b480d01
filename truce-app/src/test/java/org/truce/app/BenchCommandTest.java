package org.truce.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.truce.store.jdbc.JdbcStore;
import org.truce.testing.TestAgreements;

/**
 * {@code truce bench ingest} against a center of its own, for a few seconds at a low rate: the table has every
 * figure, and every observation the center acknowledged is in its store, as the command checked and as a fresh
 * look at the store confirms. No figure is held against a wall-clock limit here: speed is for the benchmark runs
 * (docs/BENCHMARKS.md).
 */
class BenchCommandTest {
    private static final Pattern ACCEPTED = Pattern.compile("\\| accepted \\(durably acknowledged\\)\\s*\\| ([\\d,]+);");
    private static final Pattern FOUND = Pattern.compile(
            "\\| acknowledged observations found after a restart\\s*\\| ([\\d,]+) of ([\\d,]+) \\(lost 0\\)");

    @Test
    void anHttpLoadPrintsEveryFigureAndLosesNothingAcknowledged(@TempDir Path tmp) {
        Path data = tmp.resolve("center");
        Cli run = Cli.run("bench", "ingest", "--via", "http", "--rate", "150", "--duration", "3s", "--batch", "20",
                "--connections", "2", "--scenario", TestAgreements.scenarioDir("karabakh-2020").toString(),
                "--data", data.toString(), "--quiet");
        assertThat(run.exitCode()).as(run.err() + run.out()).isZero();
        assertThat(run.out()).contains("## truce bench ingest --via http", "| observations offered ", "450 (150/s for 3 s)",
                "| throughput (accepted / first send → last answer) ", "observations/s over ",
                "| receipt → durable ack (per request) ", "| receipt → alert on the live feed ",
                "| bytes on disk per accepted observation, running ", "| heap used after GC, after the run ",
                "≥ 20,000 observations/s", "p99 ≤ 50 ms", "p99 ≤ 100 ms", "≤ 1.5 KB", "nothing acknowledged lost",
                "machine: ");
        assertThat(line(run.out(), "receipt → durable ack")).containsPattern("p50 [\\d.]+ ms, p90 [\\d.]+ ms, p99 [\\d.]+ ms");

        Matcher accepted = ACCEPTED.matcher(run.out());
        assertThat(accepted.find()).as(run.out()).isTrue();
        long acknowledged = number(accepted.group(1));
        assertThat(acknowledged).as("the center took in the load").isPositive();
        Matcher found = FOUND.matcher(run.out());
        assertThat(found.find()).as(run.out()).isTrue();
        assertThat(number(found.group(1))).isEqualTo(acknowledged);
        assertThat(number(found.group(2))).isEqualTo(acknowledged);
        // The center was fresh and only the load fed it: its log holds exactly what was acknowledged.
        try (JdbcStore store = JdbcStore.h2(data)) {
            assertThat(store.observations().size()).isEqualTo(acknowledged);
        }
    }

    @Test
    void benchListsItsModesAndRefusesUnboundedOrRemoteLoads() {
        Cli help = Cli.run("bench", "--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("ingest", "history", "reads", "sim");
        Cli remote = Cli.run("bench", "ingest", "--target", "http://192.0.2.1:8080/", "--duration", "1s", "--rate", "1");
        assertThat(remote.exitCode()).isNotZero();
        assertThat(remote.err()).contains("loopback");
        Cli tooMuch = Cli.run("bench", "ingest", "--rate", "1000000", "--duration", "10m");
        assertThat(tooMuch.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(tooMuch.err()).contains("observations, more than");
        Cli tooLong = Cli.run("bench", "ingest", "--duration", "11m");
        assertThat(tooLong.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    }

    private static String line(String out, String figure) {
        return Arrays.stream(out.split("\\R")).filter(l -> l.contains(figure)).findFirst().orElse("");
    }

    private static long number(String digits) {
        return Long.parseLong(digits.replace(",", ""));
    }
}
