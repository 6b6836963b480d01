package org.truce.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.truce.codec.TruceJson;
import org.truce.testing.TestAgreements;

/**
 * A simulated center wired as {@code truce demo} wires it: the live map and API serve incidents raised from the
 * simulated theater, and a restart on the same data directory keeps everything and resumes the theater.
 */
class SimulatedCenterTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void servesIncidentsFromTheSimulatedTheaterAndKeepsThemAcrossARestart(@TempDir Path data) throws Exception {
        var options = new CenterRuntime.Options(TestAgreements.scenarioDir("karabakh-2020"), data, "127.0.0.1", 0,
                Settings.load(Optional.empty(), Map.of()),
                Optional.of(new CenterRuntime.SimulationOptions(1, 3000, Optional.empty())), Map.of());
        StringWriter log = new StringWriter();
        long before;
        String clockBefore;
        try (CenterRuntime runtime = CenterRuntime.start(options, new PrintWriter(log, true))) {
            assertThat(get(runtime.uri(), "").statusCode()).isEqualTo(200);
            before = waitForIncidents(runtime.uri(), 1);
            clockBefore = json(runtime.uri(), "api/clock").get("time").asText();
            assertThat(clockBefore).startsWith("2020-11-");
            assertThat(waitForCoverage(runtime.uri())).as("segments observed in the last hour").isPositive();
        }
        assertThat(Files.list(data.resolve("keys")).count()).as("one key per contingent").isEqualTo(2);
        try (CenterRuntime runtime = CenterRuntime.start(options, new PrintWriter(log, true))) {
            long after = json(runtime.uri(), "api/incidents?limit=1").get("total").asLong();
            assertThat(after).isGreaterThanOrEqualTo(before);
            assertThat(json(runtime.uri(), "api/clock").get("time").asText()).isGreaterThanOrEqualTo(clockBefore);
            // The coverage recorded before the restart is back: re-read from the log.
            java.time.Instant at = java.time.Instant.parse(clockBefore);
            assertThat(observedSegments(json(runtime.uri(), "api/coverage?from=" + at.minusSeconds(3600) + "&to="
                    + at.plusSeconds(1)))).isPositive();
        }
        assertThat(log.toString()).contains("Resuming the simulated theater");
    }

    /** Polls until the center has raised {@code n} incidents; a functional wait, not a speed assertion. */
    private static long waitForIncidents(URI base, long n) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            long total = json(base, "api/incidents?limit=1").get("total").asLong();
            if (total >= n) return total;
            Thread.sleep(250);
        }
        throw new AssertionError("no incident within 3 minutes of simulated theater at 3000x");
    }

    /** Polls until some line-of-contact segment was observed in the hour before the center clock. */
    private static long waitForCoverage(URI base) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        long observed = 0;
        while (System.nanoTime() < deadline && observed == 0) {
            observed = observedSegments(json(base, "api/coverage"));
            if (observed == 0) Thread.sleep(250);
        }
        return observed;
    }

    private static long observedSegments(JsonNode coverage) {
        long n = 0;
        for (JsonNode f : coverage.path("features")) {
            JsonNode p = f.path("properties");
            if (p.path("kind").asText().equals("segment") && p.path("observed").asBoolean()) n++;
        }
        return n;
    }

    private static JsonNode json(URI base, String path) throws Exception {
        HttpResponse<String> r = get(base, path);
        assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
        return TruceJson.mapper().readTree(r.body());
    }

    private static HttpResponse<String> get(URI base, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(base.resolve(path)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
