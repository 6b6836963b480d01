package org.truce.app;

import org.truce.codec.JsonEntryCodec;
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
            // The running center's daily report of the day under way, from its own store (no need to stop it).
            String day = clockBefore.substring(0, 10);
            HttpResponse<String> report = get(runtime.uri(), "api/reports/daily/" + day + "?lang=ru");
            assertThat(report.statusCode()).as(report.body()).isEqualTo(200);
            assertThat(report.body()).contains("Ежедневный совместный доклад", "karabakh-2020");
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

    @Test
    void theSimulatedContingentsFileFlightPlansThatAreLoggedServedAndNotFiledTwice(@TempDir Path data) throws Exception {
        var options = new CenterRuntime.Options(TestAgreements.scenarioDir("karabakh-2020"), data, "127.0.0.1", 0,
                Settings.load(Optional.empty(), Map.of()),
                Optional.of(new CenterRuntime.SimulationOptions(1, 1, Optional.empty())), Map.of());
        StringWriter log = new StringWriter();
        int plans;
        try (CenterRuntime runtime = CenterRuntime.start(options, new PrintWriter(log, true))) {
            long drones = runtime.center().store().assets().all().stream()
                    .filter(a -> a.kind() == org.truce.ground.AssetKind.DRONE).count();
            JsonNode list = json(runtime.uri(), "api/flight-plans");
            plans = list.size();
            assertThat(plans).as("one plan per drone for the first day").isEqualTo((int) drones).isPositive();
            assertThat(list.get(0).path("path").path("type").asText()).isEqualTo("LineString");
            assertThat(list.get(0).path("filedBy").asText()).isEqualTo("simulator");
            assertThat(json(runtime.uri(), "ogc/collections/flight-plans/items?limit=1000").path("numberMatched").asInt())
                    .isEqualTo(plans);
            var store = runtime.ledger().ledger().store();
            long logged = store.read(0, (int) store.size()).stream()
                    .filter(e -> new String(e.entry(), java.nio.charset.StandardCharsets.UTF_8)
                            .startsWith("truce-entry v1 flight-plan\n")).count();
            assertThat(logged).as("every filing is in the transparency log").isEqualTo(plans);
        }
        try (CenterRuntime runtime = CenterRuntime.start(options, new PrintWriter(log, true))) {
            assertThat(json(runtime.uri(), "api/flight-plans").size()).as("a restart files nothing twice").isEqualTo(plans);
        }
    }

    @Test
    void everyIncidentGetsACaseWhoseDeadlineTheCenterAppliesAndCaseworkSurvivesARestart(@TempDir Path data) throws Exception {
        // 20 minutes of scenario time to assess, so deadlines pass within the test at 3000x
        var settings = Settings.load(Optional.empty(), Map.of("TRUCE_CASES_ASSESSMENT_WINDOW", "PT20M",
                "TRUCE_CASES_DEADLINE_CHECK_INTERVAL", "PT0.2S"));
        var options = new CenterRuntime.Options(TestAgreements.scenarioDir("karabakh-2020"), data, "127.0.0.1", 0,
                settings, Optional.of(new CenterRuntime.SimulationOptions(1, 3000, Optional.empty())), Map.of());
        StringWriter log = new StringWriter();
        org.truce.cases.CaseId assessed;
        try (CenterRuntime runtime = CenterRuntime.start(options, new PrintWriter(log, true))) {
            waitForIncidents(runtime.uri(), 2);
            var services = runtime.cases();
            java.util.List<org.truce.cases.Case> cases = waitFor(() -> services.cases().all(), l -> l.size() >= 2);
            assertThat(cases).allSatisfy(c -> assertThat(runtime.center().store().incidents().find(c.incidentId())).isPresent());
            // a contingent's analyst assesses the newest case; the log gets its commitment, not its content
            org.truce.cases.Case newest = cases.stream().max(java.util.Comparator.comparing(org.truce.cases.Case::opened)).orElseThrow();
            var ru = org.truce.cases.Principal.staff("analyst-ru", org.truce.cases.Role.ANALYST, org.truce.ground.ContingentId.of("RU"));
            assessed = newest.id();
            try {
                services.casework().submit(ru, assessed, new org.truce.cases.AssessmentDraft(org.truce.cases.Happened.YES,
                        newest.provision(), Optional.empty(), 0.0, java.util.List.of(), "seen on the drone feed"));
            } catch (org.truce.cases.Refusal r) {
                assessed = null; // its deadline passed already at this speed; the deadline check below still holds
            }
            // deadlines pass in scenario time and the runtime's scheduler lifts the blind with MISSING recorded
            waitFor(() -> services.cases().all(), l -> l.stream().anyMatch(c -> !c.missing().isEmpty()));
            waitFor(() -> withoutCase(runtime), java.util.List::isEmpty);
        }
        try (CenterRuntime runtime = CenterRuntime.start(options, new PrintWriter(log, true))) {
            var services = runtime.cases();
            if (assessed != null) {
                assertThat(services.cases().find(assessed).orElseThrow().assessments())
                        .containsKey(org.truce.ground.ContingentId.of("RU"));
            }
            waitFor(() -> withoutCase(runtime), java.util.List::isEmpty);
            assertThat(services.audit().entries()).isNotEmpty();
        }
        try (var store = org.truce.store.jdbc.JdbcStore.h2(data)) {
            var tables = new org.truce.store.jdbc.JdbcLedgerStore(store.dataSource());
            var check = org.truce.ledger.CommitRevealCheck.check(tables, JsonEntryCodec.canonical());
            assertThat(check.problems()).isEmpty();
            if (assessed != null) assertThat(check.commitments()).isPositive();
        }
    }

    /** Incidents the center holds that have no case (the pipeline opens it just after storing the incident). */
    private static java.util.List<String> withoutCase(CenterRuntime runtime) {
        return runtime.center().store().incidents().all().stream().map(org.truce.rules.Incident::id)
                .filter(id -> runtime.cases().cases().find(org.truce.cases.CaseId.forIncident(id)).isEmpty()).toList();
    }

    private static <T> T waitFor(java.util.function.Supplier<T> get, java.util.function.Predicate<T> done) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            T v = get.get();
            if (done.test(v)) return v;
            Thread.sleep(200);
        }
        throw new AssertionError("condition not reached within 3 minutes: " + get.get());
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
