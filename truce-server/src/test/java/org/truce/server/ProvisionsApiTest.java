package org.truce.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.truce.pipeline.CoverageRecorder;
import org.truce.implementation.ImplementationTracker;
import org.truce.implementation.RecordedZoneCoverage;
import org.truce.server.provisions.ProvisionsModule;

/**
 * {@code /api/provisions} and {@code /api/provisions/{id}} on a started server fed through its center: the Aghdam
 * deadline (2020-11-19T21:00Z) has passed when the scenario clock starts, so ¶2 is unverified until a drone looks
 * at the district, then fulfilled, then violated when an armed track is seen there.
 */
class ProvisionsApiTest {
    private TestCenter tc;
    private TruceServer server;
    private Http http;

    @BeforeEach
    void start() {
        tc = new TestCenter();
        CoverageRecorder recorder = new CoverageRecorder(Fixtures.agreement(), tc.store.assets()::find,
                CoverageRecorder.Config.defaults());
        tc.center.addListener(recorder);
        // One footprint covers a few per cent of the district: a low bar keeps the test to one look.
        server = new TruceServer(tc.center, ServerOptions.defaults().withTickInterval(Duration.ZERO)
                .withClockInterval(Duration.ofSeconds(30)).withModule(ProvisionsModule.of(tc.center,
                        new RecordedZoneCoverage(recorder), new ImplementationTracker.Config(0.01))));
        server.start(0);
        http = new Http(server.uri());
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    private static String path(String id) {
        return "/api/provisions/" + URLEncoder.encode(id, StandardCharsets.UTF_8);
    }

    private Map<String, JsonNode> list(String query) {
        Http.Response r = http.get("/api/provisions" + query);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        Map<String, JsonNode> out = new HashMap<>();
        r.json().path("provisions").forEach(p -> out.put(p.path("id").asText(), p));
        return out;
    }

    @Test
    void theListShowsEveryProvisionAndFollowsCoverageAndIncidents() {
        Http.Response r = http.get("/api/provisions");
        assertThat(r.contentType()).startsWith("application/json");
        assertThat(r.json().path("asOf").asText()).isEqualTo("2020-11-20T08:00:00Z");
        Map<String, JsonNode> p = list("");
        assertThat(p.keySet()).containsExactlyInAnyOrder("¶1", "¶2", "¶6");
        assertThat(p.get("¶1").path("status").asText()).isEqualTo("DUE");
        assertThat(p.get("¶6").path("status").asText()).isEqualTo("NOT_MONITORED");
        assertThat(p.get("¶6").path("version").asInt()).isEqualTo(2);
        JsonNode aghdam = p.get("¶2");
        assertThat(aghdam.path("status").asText()).isEqualTo("UNVERIFIED");
        assertThat(aghdam.path("change").path("at").asText()).isEqualTo("2020-11-19T21:00:00Z");
        assertThat(aghdam.path("change").path("reason").asText()).isEqualTo("NO_COVERAGE_SINCE_DEADLINE");
        assertThat(aghdam.path("obligations").get(0).path("rule").asText()).isEqualTo("p2-aghdam");

        // A drone looks at the district: observed clear.
        tc.accept(tc.footprint("RU-UAV-01", 40.05, 47.10));
        tc.advance(Duration.ofMinutes(1));
        aghdam = list("").get("¶2");
        assertThat(aghdam.path("status").asText()).isEqualTo("FULFILLED");
        JsonNode evidence = aghdam.path("change").path("evidence").get(0);
        assertThat(evidence.path("kind").asText()).isEqualTo("coverage");
        assertThat(evidence.path("zone").asText()).isEqualTo("aghdam-handover");
        assertThat(evidence.path("assets").get(0).asText()).isEqualTo("RU-UAV-01");
        assertThat(evidence.path("probability").asDouble()).isGreaterThan(0.01);

        // An armed Armenian track in the district after the deadline: broken again.
        tc.accept(tc.detection("K", 40.05, 47.10, "AM"));
        aghdam = list("").get("¶2");
        assertThat(aghdam.path("status").asText()).isEqualTo("VIOLATED");
        assertThat(aghdam.path("change").path("evidence").get(0).path("kind").asText()).isEqualTo("incident");
        assertThat(aghdam.path("change").path("evidence").get(0).path("id").asText()).isEqualTo("INC-2020-11-20-0001");

        // Asked about an earlier instant, what came later does not count.
        assertThat(list("?at=2020-11-19T20:59:59Z").get("¶2").path("status").asText()).isEqualTo("DUE");
        assertThat(list("?at=2020-11-20T08:00:30Z").get("¶2").path("status").asText()).isEqualTo("UNVERIFIED");
    }

    @Test
    void oneProvisionHasItsTimelineVersionsAndEvidence() {
        tc.accept(tc.footprint("RU-UAV-01", 40.05, 47.10));
        tc.advance(Duration.ofMinutes(1));
        Http.Response r = http.get(path("¶2"));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode t = r.json();
        assertThat(t.path("id").asText()).isEqualTo("¶2");
        assertThat(t.path("asOf").asText()).isEqualTo("2020-11-20T08:01:00Z");
        assertThat(t.path("versions").get(0).path("state").asText()).isEqualTo("IN_FORCE");
        assertThat(t.path("versions").get(0).path("source").asText()).isEqualTo("Statement of 10 November 2020");
        JsonNode changes = t.path("changes");
        assertThat(changes).hasSize(3);
        assertThat(changes.get(0).path("status").asText()).isEqualTo("DUE");
        assertThat(changes.get(0).path("deadline").asText()).isEqualTo("2020-11-19T21:00:00Z");
        assertThat(changes.get(1).path("status").asText()).isEqualTo("UNVERIFIED");
        assertThat(changes.get(2).path("status").asText()).isEqualTo("FULFILLED");
        assertThat(changes.get(2).path("at").asText()).isEqualTo("2020-11-20T08:01:00Z");
        assertThat(t.path("obligations").get(0).path("changes")).hasSize(3);

        JsonNode p6 = http.get(path("¶6")).json();
        assertThat(p6.path("versions")).hasSize(2);
        assertThat(p6.path("versions").get(0).path("state").asText()).isEqualTo("SUPERSEDED");
        assertThat(p6.path("versions").get(0).path("supersededBy").asInt()).isEqualTo(2);
        assertThat(p6.path("versions").get(1).path("note").asText()).isEqualTo("deadline extended to 25 November");
    }

    @Test
    void unknownIdsAndBadInstantsAreProblems() {
        Http.Response r = http.get(path("¶99"));
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().path("type").asText()).isEqualTo("urn:truce:problem:not-found");
        assertThat(r.json().path("detail").asText()).contains("¶99").contains("¶2");

        Http.Response late = http.get("/api/provisions?at=2020-11-21T00:00:00Z");
        assertThat(late.status()).isEqualTo(400);
        assertThat(late.json().path("parameter").asText()).isEqualTo("at");
        assertThat(late.json().path("detail").asText()).contains("after the center's clock");
        assertThat(http.get(path("¶2") + "?at=yesterday").status()).isEqualTo(400);
        assertThat(http.get("/api/provisions?status=DUE").json().path("parameter").asText()).isEqualTo("status");
    }
}
