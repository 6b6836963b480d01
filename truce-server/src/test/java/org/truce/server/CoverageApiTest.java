package org.truce.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.truce.pipeline.CoverageRecorder;
import org.truce.server.coverage.CoverageView;

/** {@code /api/coverage} and {@code /api/coverage/summary} on a started server fed through its center. */
class CoverageApiTest {
    private TestCenter tc;
    private TruceServer server;
    private Http http;

    @BeforeEach
    void start() {
        tc = new TestCenter();
        CoverageRecorder recorder = new CoverageRecorder(Fixtures.agreement(), tc.store.assets()::find,
                CoverageRecorder.Config.defaults());
        tc.center.addListener(recorder);
        server = new TruceServer(tc.center, ServerOptions.defaults().withTickInterval(Duration.ZERO)
                .withClockInterval(Duration.ofSeconds(30)).withCoverage(CoverageView.of(recorder)));
        server.start(0);
        http = new Http(server.uri());
        // A drone looks at the first vertex of the held area's boundary, where segment 0 starts.
        tc.accept(tc.footprint("RU-UAV-01", 39.62, 46.55));
        tc.advance(Duration.ofMinutes(1));
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    static Map<String, JsonNode> byId(JsonNode fc) {
        Map<String, JsonNode> out = new HashMap<>();
        fc.path("features").forEach(f -> out.put(f.path("id").asText(), f));
        return out;
    }

    @Test
    void theLastHourShowsObservedAndUnobservedSegmentsAndZones() {
        var r = http.get("/api/coverage");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.contentType()).startsWith("application/geo+json");
        JsonNode fc = r.json();
        assertThat(fc.path("type").asText()).isEqualTo("FeatureCollection");
        Map<String, JsonNode> f = byId(fc);
        JsonNode seg0 = f.get("loc:am-held#0");
        assertThat(seg0.path("geometry").path("type").asText()).isEqualTo("LineString");
        JsonNode p = seg0.path("properties");
        assertThat(p.path("kind").asText()).isEqualTo("segment");
        assertThat(p.path("observed").asBoolean()).isTrue();
        assertThat(p.path("probability").asDouble()).isCloseTo(0.8, within(1e-6));
        assertThat(p.path("assets")).hasSize(1);
        assertThat(p.path("assets").get(0).asText()).isEqualTo("RU-UAV-01");
        assertThat(p.path("from").asText()).isEqualTo("2020-11-20T07:00:00Z");
        assertThat(p.path("to").asText()).isEqualTo("2020-11-20T09:00:00Z");
        // Far along the line of contact nobody looked: no coverage, reported as such.
        JsonNode far = f.get("loc:am-held#40").path("properties");
        assertThat(far.path("observed").asBoolean()).isFalse();
        assertThat(far.path("probability").asDouble()).isZero();
        assertThat(far.path("assets")).isEmpty();
        JsonNode zone = f.get("aghdam-handover");
        assertThat(zone.path("properties").path("kind").asText()).isEqualTo("zone");
        assertThat(zone.path("properties").path("observed").asBoolean()).isFalse();
        assertThat(f.get("am-held").path("properties").path("observed").asBoolean()).isTrue();
        assertThat(f).doesNotContainKey("district-aghdam");
    }

    @Test
    void anEarlierIntervalHasNoCoverage() {
        JsonNode fc = http.get("/api/coverage?from=2020-11-20T05:00:00Z&to=2020-11-20T06:00:00Z").json();
        assertThat(fc.path("features").size()).isGreaterThan(10);
        fc.path("features").forEach(f -> assertThat(f.path("properties").path("observed").asBoolean()).isFalse());
    }

    @Test
    void theDailySummaryGivesTheShareOfHoursObserved() {
        var r = http.get("/api/coverage/summary?date=2020-11-20");
        assertThat(r.status()).isEqualTo(200);
        JsonNode s = r.json();
        assertThat(s.path("date").asText()).isEqualTo("2020-11-20");
        assertThat(s.path("bin").asText()).isEqualTo("PT1H");
        JsonNode seg0 = null;
        for (JsonNode n : s.path("segments")) if (n.path("id").asText().equals("loc:am-held#0")) seg0 = n;
        assertThat(seg0).isNotNull();
        assertThat(seg0.path("observedBins").asInt()).isEqualTo(1);
        assertThat(seg0.path("bins").asInt()).isEqualTo(24);
        assertThat(seg0.path("share").asDouble()).isCloseTo(1 / 24.0, within(1e-9));
        assertThat(s.path("zones").findValuesAsText("id")).contains("am-held", "theater");
    }

    @Test
    void badParametersAreProblems() {
        assertProblem(http.get("/api/coverage?from=yesterday"), 400, "from");
        assertProblem(http.get("/api/coverage?from=2020-11-20T06:00:00Z&to=2020-11-20T05:00:00Z"), 400, "to");
        assertProblem(http.get("/api/coverage?from=2020-01-01T00:00:00Z&to=2020-11-20T05:00:00Z"), 400, "to");
        assertProblem(http.get("/api/coverage?since=2020-11-20T05:00:00Z"), 400, "since");
        assertProblem(http.get("/api/coverage/summary"), 400, "date");
        assertProblem(http.get("/api/coverage/summary?date=20-11-2020"), 400, "date");
    }

    @Test
    void aServerWithoutACoverageSourceSaysSo() {
        TruceServer bare = new TruceServer(new TestCenter().center, ServerOptions.defaults().withTickInterval(Duration.ZERO));
        bare.start(0);
        try {
            var r = new Http(bare.uri()).get("/api/coverage");
            assertThat(r.status()).isEqualTo(404);
            assertThat(r.contentType()).startsWith("application/problem+json");
            assertThat(r.json().path("detail").asText()).contains("no coverage");
        } finally {
            bare.stop();
        }
    }

    private static void assertProblem(Http.Response r, int status, String parameter) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().path("type").asText()).isEqualTo("urn:truce:problem:bad-parameter");
        assertThat(r.json().path("parameter").asText()).isEqualTo(parameter);
    }
}
