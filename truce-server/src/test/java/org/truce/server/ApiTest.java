package org.truce.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The JSON API against a real server on a free port, over an in-memory store fed through the center. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiTest {
    private final TestCenter tc = new TestCenter();
    private TruceServer server;
    private Http http;
    private String firstFireId;

    @BeforeAll
    void start() {
        server = new TruceServer(tc.center, ServerOptions.defaults().withTickInterval(Duration.ZERO));
        int port = server.start(0);
        assertThat(port).isPositive();
        http = new Http(server.uri());
        tc.accept(tc.fix("RU-UAV-01", 39.80, 46.70, 90));
        tc.accept(tc.footprint("RU-UAV-01", 39.80, 46.75));
        firstFireId = tc.accept(tc.fire(39.75, 46.80));          // INC-2020-11-20-0001
        tc.advance(Duration.ofMinutes(1));
        tc.accept(tc.fire(39.70, 46.85));                         // INC-…-0002
        tc.advance(Duration.ofMinutes(1));
        tc.accept(tc.detection("A", 40.05, 47.10, "AM"));         // track TRK-A + withdraw-by INC-…-0003
        tc.advance(Duration.ofMinutes(1));
        tc.accept(tc.detection("A", 40.06, 47.11, "AM"));         // grows INC-…-0003
        tc.accept(tc.fix("RU-UAV-01", 39.81, 46.71, 95));
    }

    @AfterAll
    void stop() {
        server.stop();
    }

    @Test
    void agreementSummaryHasPartiesContingentsAndVersionedProvisions() {
        var r = http.get("/api/agreement");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.contentType()).startsWith("application/json");
        JsonNode a = r.json();
        assertThat(a.path("id").asText()).isEqualTo("test-karabakh");
        assertThat(a.path("parties").findValuesAsText("id")).containsExactly("AM", "AZ", "RU-PK");
        assertThat(a.path("contingents").findValuesAsText("id")).containsExactly("RU", "TR");
        JsonNode p6 = a.path("provisions").get(2);
        assertThat(p6.path("id").asText()).isEqualTo("¶6");
        assertThat(p6.path("versions")).hasSize(2);
        assertThat(p6.path("versions").get(0).path("validTo").asText()).isEqualTo("2020-11-14T21:00:00Z");
        assertThat(p6.path("versions").get(1).path("adopted").asText()).isEqualTo("2020-11-15");
        JsonNode rule = a.path("provisions").get(0).path("versions").get(0).path("rules").get(1);
        assertThat(rule.path("type").asText()).isEqualTo("hold-positions");
        assertThat(rule.path("heldArea").asText()).isEqualTo("am-held");
        assertThat(rule.path("insideParty").asText()).isEqualTo("AM");
    }

    @Test
    void zonesAreAGeoJsonFeatureCollectionWithTheZoneProperties() {
        var r = http.get("/api/zones");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.contentType()).startsWith("application/geo+json");
        JsonNode fc = r.json();
        assertThat(fc.path("type").asText()).isEqualTo("FeatureCollection");
        assertThat(fc.path("bbox")).hasSize(4);
        assertThat(fc.path("bbox").get(0).asDouble()).isEqualTo(45.95);
        JsonNode held = null;
        for (JsonNode f : fc.path("features")) {
            if (f.path("id").asText().equals("am-held")) held = f;
        }
        assertThat(held).isNotNull();
        assertThat(held.path("geometry").path("type").asText()).isEqualTo("Polygon");
        JsonNode first = held.path("geometry").path("coordinates").get(0).get(0);
        assertThat(first.get(0).asDouble()).isBetween(46.0, 48.0);   // lon first
        assertThat(first.get(1).asDouble()).isBetween(39.0, 41.0);
        JsonNode p = held.path("properties");
        assertThat(p.path("role").asText()).isEqualTo("HELD_AREA");
        assertThat(p.path("heldBy").asText()).isEqualTo("AM");
        assertThat(p.path("name").asText()).isEqualTo("Area under the peacekeepers");
        assertThat(p.path("source").asText()).isEqualTo("test fixture");
        assertThat(p.path("caveat").asText()).isEqualTo("approximate, for tests");
        assertThat(held.has("crs")).isFalse();
    }

    @Test
    void assetsNeverShowTheirApiTokenAndCarryTheLastFix() {
        var r = http.get("/api/assets");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).doesNotContain(Fixtures.SECRET).doesNotContain("apiToken");
        JsonNode assets = r.json();
        assertThat(assets.findValuesAsText("id")).containsExactly("RU-CAM-01", "RU-UAV-01", "TR-ACU-01", "TR-UAV-01");
        JsonNode drone = assets.get(1);
        assertThat(drone.path("owner").asText()).isEqualTo("RU");
        assertThat(drone.path("lastFix").path("observationId").asText()).isEqualTo("OBS-7");
        assertThat(drone.path("lastFix").path("observation").path("position").path("lat").asDouble()).isEqualTo(39.81);
        assertThat(drone.path("lastFootprint").path("observation").path("ring")).hasSize(5);
        assertThat(assets.get(0).path("site").path("lon").asDouble()).isEqualTo(47.05);
        var one = http.get("/api/assets/RU-CAM-01");
        assertThat(one.status()).isEqualTo(200);
        assertThat(one.body()).doesNotContain(Fixtures.SECRET);
        assertProblem(http.get("/api/assets/XX-NOPE"), 404, "not-found", "id");
    }

    @Test
    void observationsFilterByAssetKindAndTimeAndPage() {
        JsonNode all = http.get("/api/observations").json();
        assertThat(all.path("total").asLong()).isEqualTo(7);
        assertThat(all.path("items").get(0).path("id").asText()).isEqualTo("OBS-1");
        assertThat(all.path("items").get(0).path("observation").path("kind").asText()).isEqualTo("fix");
        assertThat(all.path("items").get(0).path("observation").path("asset").asText()).isEqualTo("RU-UAV-01");
        assertThat(all.has("next")).isFalse();

        JsonNode fixes = http.get("/api/observations?asset=RU-UAV-01&kind=fix").json();
        assertThat(fixes.path("items").findValuesAsText("id")).containsExactly("OBS-1", "OBS-7");

        JsonNode window = http.get("/api/observations?from=2020-11-20T08:01:00Z&to=2020-11-20T08:02:00Z").json();
        assertThat(window.path("items").findValuesAsText("id")).containsExactly("OBS-4");

        JsonNode offset = http.get("/api/observations?from=2020-11-20T08:00:00%2B00:00&offset=2&limit=2").json();
        assertThat(offset.path("items").findValuesAsText("id")).containsExactly("OBS-3", "OBS-4");
        assertThat(offset.path("next").asText()).contains("offset=4").contains("limit=2").contains("from=");
        assertThat(http.linkHeader("/api/observations?offset=2&limit=2"))
                .isEqualTo("</api/observations?offset=4&limit=2>; rel=\"next\"");

        var one = http.get("/api/observations/" + firstFireId);
        assertThat(one.status()).isEqualTo(200);
        assertThat(one.json().path("observation").path("kind").asText()).isEqualTo("fire");
        assertThat(one.json().path("channel").asText()).isEqualTo("test");
    }

    @Test
    void observationErrorsNameTheParameter() {
        assertProblem(http.get("/api/observations?from=yesterday"), 400, "bad-parameter", "from");
        assertProblem(http.get("/api/observations?to=2020-11-20"), 400, "bad-parameter", "to");
        assertProblem(http.get("/api/observations?asset=XX-UAV-99"), 400, "bad-parameter", "asset");
        assertProblem(http.get("/api/observations?kind=smell"), 400, "bad-parameter", "kind");
        assertProblem(http.get("/api/observations?limit=0"), 400, "bad-parameter", "limit");
        assertProblem(http.get("/api/observations?limit=5000"), 400, "bad-parameter", "limit");
        assertProblem(http.get("/api/observations?offset=-1"), 400, "bad-parameter", "offset");
        assertProblem(http.get("/api/observations?offset=abc"), 400, "bad-parameter", "offset");
        assertProblem(http.get("/api/observations?assett=RU-UAV-01"), 400, "bad-parameter", "assett");
        assertProblem(http.get("/api/observations?kind=fix&kind=fire"), 400, "bad-parameter", "kind");
        assertProblem(http.get("/api/observations?from=2020-11-21T00:00:00Z&to=2020-11-20T00:00:00Z"),
                400, "bad-parameter", "to");
        assertProblem(http.get("/api/observations/OBS-999"), 404, "not-found", "id");
        assertProblem(http.get("/api/observations/whatever"), 404, "not-found", "id");
    }

    @Test
    void incidentsFilterAndPageWithTotalAndNextLink() {
        JsonNode all = http.get("/api/incidents").json();
        assertThat(all.path("total").asLong()).isEqualTo(3);
        assertThat(all.path("items").findValuesAsText("id"))
                .containsExactly("INC-2020-11-20-0001", "INC-2020-11-20-0002", "INC-2020-11-20-0003");
        JsonNode withdrawal = all.path("items").get(2);
        assertThat(withdrawal.path("provision").asText()).isEqualTo("¶2");
        assertThat(withdrawal.path("zone").asText()).isEqualTo("aghdam-handover");
        assertThat(withdrawal.path("party").asText()).isEqualTo("AM");
        assertThat(withdrawal.path("evidence")).hasSize(2);
        assertThat(all.path("items").get(0).has("party")).isFalse();

        assertThat(ids("/api/incidents?ruleType=cease-fire")).containsExactly("INC-2020-11-20-0001", "INC-2020-11-20-0002");
        assertThat(ids("/api/incidents?zone=aghdam-handover")).containsExactly("INC-2020-11-20-0003");
        assertThat(ids("/api/incidents?party=AM")).containsExactly("INC-2020-11-20-0003");
        assertThat(ids("/api/incidents?party=AZ")).isEmpty();
        assertThat(ids("/api/incidents?provision=" + enc("¶1"))).hasSize(2);
        assertThat(ids("/api/incidents?state=open")).hasSize(3);
        assertThat(ids("/api/incidents?state=CLOSED")).isEmpty();
        assertThat(ids("/api/incidents?from=2020-11-20T08:01:00Z&to=2020-11-20T08:02:00Z"))
                .containsExactly("INC-2020-11-20-0002");

        // Page through with limit=1 following the next links: every incident once, in order.
        List<String> seen = new ArrayList<>();
        String next = "/api/incidents?ruleType=cease-fire&limit=1";
        int pages = 0;
        while (next != null) {
            JsonNode page = http.get(next).json();
            assertThat(page.path("total").asLong()).isEqualTo(2);
            assertThat(page.path("limit").asInt()).isEqualTo(1);
            page.path("items").forEach(i -> seen.add(i.path("id").asText()));
            next = page.has("next") ? page.path("next").asText() : null;
            if (next != null) assertThat(next).contains("ruleType=cease-fire");
            pages++;
        }
        assertThat(pages).isEqualTo(2);
        assertThat(seen).containsExactly("INC-2020-11-20-0001", "INC-2020-11-20-0002");

        var one = http.get("/api/incidents/INC-2020-11-20-0003");
        assertThat(one.status()).isEqualTo(200);
        assertThat(one.json().path("rule").asText()).isEqualTo("p2-aghdam");
        assertThat(one.json().has("fire")).as("only cease-fire incidents locate a fire event").isFalse();

        JsonNode fire = http.get("/api/incidents/INC-2020-11-20-0001").json().path("fire");
        assertThat(fire.path("method").asText()).isEqualTo("LOCATED");
        assertThat(fire.path("ellipse95").path("semiMajorM").asDouble()).isEqualTo(300.0);
        assertThat(fire.path("ellipse95").path("semiMinorM").asDouble()).isEqualTo(150.0);
        assertThat(fire.path("ellipse95").path("orientationDeg").asDouble()).isEqualTo(30.0);
        assertThat(fire.path("cueKinds").path("fix").asInt()).isEqualTo(1);
        JsonNode side = fire.path("launch").path("sides").path(0);
        assertThat(side.path("heldArea").asText()).isEqualTo("am-held");
        assertThat(side.path("inside").asDouble()).isEqualTo(0.35);
        assertThat(side.path("outsideParty").asText()).isEqualTo("AZ");
    }

    @Test
    void incidentErrorsNameTheParameter() {
        assertProblem(http.get("/api/incidents?zone=atlantis"), 400, "bad-parameter", "zone");
        assertProblem(http.get("/api/incidents?party=XX"), 400, "bad-parameter", "party");
        assertProblem(http.get("/api/incidents?provision=p99"), 400, "bad-parameter", "provision");
        assertProblem(http.get("/api/incidents?ruleType=jaywalking"), 400, "bad-parameter", "ruleType");
        assertProblem(http.get("/api/incidents?state=pending"), 400, "bad-parameter", "state");
        assertProblem(http.get("/api/incidents?from=2020-13-40T00:00:00Z"), 400, "bad-parameter", "from");
        assertProblem(http.get("/api/incidents?limit=x"), 400, "bad-parameter", "limit");
        assertProblem(http.get("/api/incidents/INC-2099-01-01-0001"), 404, "not-found", "id");
        var p = http.get("/api/incidents?from=2020-11-20T08:00:00+03:00").json();
        assertThat(p.path("detail").asText()).contains("%2B");
    }

    @Test
    void tracksAndClock() {
        JsonNode tracks = http.get("/api/tracks").json();
        assertThat(tracks.findValuesAsText("id")).containsExactly("TRK-A");
        assertThat(tracks.get(0).path("side").asText()).isEqualTo("AM");
        assertThat(tracks.get(0).path("status").asText()).isEqualTo("CONFIRMED");
        assertThat(http.get("/api/tracks?since=2020-11-21T00:00:00Z").json()).isEmpty();
        assertProblem(http.get("/api/tracks?since=soon"), 400, "bad-parameter", "since");

        JsonNode clock = http.get("/api/clock").json();
        assertThat(clock.path("time").asText()).isEqualTo(tc.clock.instant().toString());
        assertThat(clock.path("simulated").asBoolean()).isTrue();
        assertProblem(http.get("/api/clock?tz=utc"), 400, "bad-parameter", "tz");
    }

    @Test
    void unknownPathsAreProblemsToo() {
        var r = http.get("/api/nothing-here");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.contentType()).startsWith("application/problem+json");
        JsonNode p = r.json();
        assertThat(p.path("type").asText()).isEqualTo("urn:truce:problem:no-such-endpoint");
        assertThat(p.path("title").asText()).isNotBlank();
        assertThat(p.path("status").asInt()).isEqualTo(404);
        assertThat(p.path("detail").asText()).contains("/api/nothing-here");
        assertThat(p.path("instance").asText()).isEqualTo("/api/nothing-here");
        assertThat(http.get("/no/such/page.html").status()).isEqualTo(404);
    }

    @Test
    void servesThePageAndLeafletFromTheClasspath() {
        var page = http.get("/");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.body()).contains("/webjars/leaflet/1.9.4/dist/leaflet.js").contains("map.js");
        var leaflet = http.get("/webjars/leaflet/1.9.4/dist/leaflet.js");
        assertThat(leaflet.status()).isEqualTo(200);
        assertThat(leaflet.body()).contains("Leaflet");
        assertThat(http.get("/i18n/en.json").json().path("incidents.title").asText()).isEqualTo("Incidents");
    }

    @Test
    void aTakenPortFailsTheStartAndStopStaysSafe() {
        TruceServer second = new TruceServer(tc.center, ServerOptions.defaults().withTickInterval(Duration.ZERO));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> second.start(server.port()))
                .isInstanceOf(RuntimeException.class);
        second.stop();
        assertThat(http.get("/api/clock").status()).isEqualTo(200);
    }

    private List<String> ids(String path) {
        var r = http.get(path);
        assertThat(r.status()).as(path + " → " + r.body()).isEqualTo(200);
        return r.json().path("items").findValuesAsText("id");
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static void assertProblem(Http.Response r, int status, String type, String parameter) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.contentType()).startsWith("application/problem+json");
        JsonNode p = r.json();
        assertThat(p.path("type").asText()).isEqualTo("urn:truce:problem:" + type);
        assertThat(p.path("title").asText()).isNotBlank();
        assertThat(p.path("status").asInt()).isEqualTo(status);
        assertThat(p.path("detail").asText()).contains(parameter);
        assertThat(p.path("instance").asText()).startsWith("/");
        assertThat(p.path("parameter").asText()).isEqualTo(parameter);
    }
}
