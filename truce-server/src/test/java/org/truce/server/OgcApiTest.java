package org.truce.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.truce.pipeline.CoverageRecorder;
import org.truce.server.coverage.CoverageView;

/** OGC API – Features at /ogc on a started server fed through its center (three incidents, a track, coverage). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OgcApiTest {
    private final TestCenter tc = new TestCenter();
    private TruceServer server;
    private Http http;

    @BeforeAll
    void start() {
        CoverageRecorder recorder = new CoverageRecorder(Fixtures.agreement(), tc.store.assets()::find,
                CoverageRecorder.Config.defaults());
        tc.center.addListener(recorder);
        server = new TruceServer(tc.center, ServerOptions.defaults().withTickInterval(Duration.ZERO)
                .withCoverage(CoverageView.of(recorder)));
        server.start(0);
        http = new Http(server.uri());
        tc.accept(tc.footprint("RU-UAV-01", 39.62, 46.55));
        tc.accept(tc.fire(39.75, 46.80));                         // INC-2020-11-20-0001 at 08:00
        tc.advance(Duration.ofMinutes(1));
        tc.accept(tc.fire(39.70, 46.85));                         // INC-…-0002 at 08:01
        tc.advance(Duration.ofMinutes(1));
        tc.accept(tc.detection("A", 40.05, 47.10, "AM"));         // track TRK-A + INC-…-0003 at 08:02
        tc.advance(Duration.ofMinutes(1));
    }

    @AfterAll
    void stop() {
        server.stop();
    }

    private static Map<String, JsonNode> byRel(JsonNode links) {
        Map<String, JsonNode> out = new HashMap<>();
        links.forEach(l -> out.putIfAbsent(l.path("rel").asText(), l));
        return out;
    }

    private static List<String> ids(JsonNode fc) {
        List<String> out = new ArrayList<>();
        fc.path("features").forEach(f -> out.add(f.path("id").asText()));
        return out;
    }

    /** The path and query of an absolute link of this server. */
    private static String local(JsonNode link) {
        URI u = URI.create(link.path("href").asText());
        return u.getRawPath() + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery());
    }

    @Test
    void landingPageLinksToApiConformanceAndData() {
        var r = http.get("/ogc");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.contentType().replace(" ", "")).isEqualTo("application/json;charset=utf-8");
        JsonNode doc = r.json();
        assertThat(doc.path("title").asText()).isNotBlank();
        assertThat(doc.path("description").asText()).isNotBlank();
        Map<String, JsonNode> links = byRel(doc.path("links"));
        assertThat(links).containsKeys("self", "alternate", "service-desc", "service-doc", "conformance", "data");
        assertThat(links.get("self").path("href").asText()).isEqualTo(server.uri() + "ogc");
        assertThat(links.get("data").path("href").asText()).endsWith("/ogc/collections");
        var api = http.get(local(links.get("service-desc")));
        assertThat(api.status()).isEqualTo(200);
        assertThat(api.contentType()).startsWith("application/vnd.oai.openapi+json;version=3.0");
        assertThat(api.json().path("openapi").asText()).startsWith("3.0");
        assertThat(api.json().path("paths").has("/collections/{collectionId}/items")).isTrue();
        assertThat(http.get(local(links.get("service-doc"))).contentType()).startsWith("text/html");
    }

    @Test
    void conformanceDeclaresCoreGeoJsonOas30AndHtml() {
        JsonNode doc = http.get("/ogc/conformance").json();
        String base = "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/";
        List<String> classes = new ArrayList<>();
        doc.path("conformsTo").forEach(c -> classes.add(c.asText()));
        assertThat(classes).containsExactlyInAnyOrder(base + "core", base + "geojson", base + "oas30", base + "html");
    }

    @Test
    void collectionsAreZonesIncidentsTracksAndCoverageWithExtents() {
        JsonNode doc = http.get("/ogc/collections").json();
        List<String> ids = new ArrayList<>();
        doc.path("collections").forEach(c -> ids.add(c.path("id").asText()));
        assertThat(ids).containsExactly("zones", "incidents", "tracks", "coverage");
        JsonNode incidents = http.get("/ogc/collections/incidents").json();
        assertThat(incidents.path("extent").path("spatial").path("bbox").get(0)).hasSize(4);
        assertThat(incidents.path("extent").path("temporal").path("interval").get(0).get(0).asText())
                .isEqualTo("2020-11-20T08:00:00Z");
        assertThat(byRel(incidents.path("links")).get("items").path("href").asText())
                .endsWith("/ogc/collections/incidents/items");
        JsonNode zones = http.get("/ogc/collections/zones").json();
        assertThat(zones.path("extent").path("spatial").path("bbox").get(0).get(0).asDouble()).isEqualTo(45.95);
        assertThat(zones.path("extent").has("temporal")).isFalse();
    }

    @Test
    void itemsAreGeoJsonWithCountsAndTimeStamp() {
        var r = http.get("/ogc/collections/incidents/items");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.contentType().replace(" ", "")).isEqualTo("application/geo+json;charset=utf-8");
        JsonNode fc = r.json();
        assertThat(fc.path("type").asText()).isEqualTo("FeatureCollection");
        assertThat(ids(fc)).containsExactly("INC-2020-11-20-0001", "INC-2020-11-20-0002", "INC-2020-11-20-0003");
        assertThat(fc.path("numberMatched").asInt()).isEqualTo(3);
        assertThat(fc.path("numberReturned").asInt()).isEqualTo(3);
        assertThat(fc.path("timeStamp").asText()).isEqualTo("2020-11-20T08:03:00Z");
        JsonNode first = fc.path("features").get(0);
        assertThat(first.path("geometry").path("type").asText()).isEqualTo("Point");
        assertThat(first.path("geometry").path("coordinates").get(0).asDouble()).isEqualTo(46.80);
        assertThat(first.path("geometry").path("coordinates").get(1).asDouble()).isEqualTo(39.75);
        assertThat(first.path("properties").path("ruleType").asText()).isNotBlank();
        assertThat(first.path("properties").path("start").asText()).isEqualTo("2020-11-20T08:00:00Z");
        assertThat(byRel(fc.path("links"))).containsKeys("self", "alternate", "collection").doesNotContainKeys("next", "prev");
        JsonNode tracks = http.get("/ogc/collections/tracks/items").json();
        assertThat(ids(tracks)).hasSize(1);
        assertThat(tracks.path("features").get(0).path("properties").path("objectClass").asText()).isEqualTo("TANK");
    }

    @Test
    void bboxSelectsFeaturesInsideTheBox() {
        // Around the first two fires (46.80/39.75 and 46.85/39.70), not the detection at 47.10/40.05.
        JsonNode fc = http.get("/ogc/collections/incidents/items?bbox=46.7,39.6,46.9,39.8").json();
        assertThat(ids(fc)).containsExactly("INC-2020-11-20-0001", "INC-2020-11-20-0002");
        assertThat(fc.path("numberMatched").asInt()).isEqualTo(2);
        JsonNode zones = http.get("/ogc/collections/zones/items?bbox=47.061,39.932,47.062,39.933&limit=100").json();
        assertThat(ids(zones)).contains("center-premises", "theater").doesNotContain("district-lachin");
        JsonNode none = http.get("/ogc/collections/incidents/items?bbox=10,10,11,11").json();
        assertThat(none.path("numberMatched").asInt()).isZero();
        assertThat(none.path("features")).isEmpty();
    }

    @Test
    void datetimeAcceptsInstantsAndClosedAndOpenIntervals() {
        String items = "/ogc/collections/incidents/items?datetime=";
        assertThat(ids(http.get(items + "2020-11-20T08:01:00Z").json())).containsExactly("INC-2020-11-20-0002");
        assertThat(ids(http.get(items + "2020-11-20T08:00:30Z/2020-11-20T08:05:00Z").json()))
                .containsExactly("INC-2020-11-20-0002", "INC-2020-11-20-0003");
        assertThat(ids(http.get(items + "../2020-11-20T08:00:30Z").json())).containsExactly("INC-2020-11-20-0001");
        assertThat(ids(http.get(items + "2020-11-20T08:01:30Z/..").json())).containsExactly("INC-2020-11-20-0003");
        assertThat(ids(http.get(items + "2020-11-20").json())).hasSize(3);
        assertThat(ids(http.get(items + "2020-11-21T00:00:00Z/..").json())).isEmpty();
        // Zones have no time: every datetime matches them.
        assertThat(http.get("/ogc/collections/zones/items?datetime=1999-01-01T00:00:00Z").json()
                .path("numberMatched").asInt()).isEqualTo(Fixtures.agreement().zones().size());
    }

    @Test
    void limitPagesWithNextAndPrevLinks() {
        JsonNode p1 = http.get("/ogc/collections/incidents/items?limit=2").json();
        assertThat(ids(p1)).containsExactly("INC-2020-11-20-0001", "INC-2020-11-20-0002");
        assertThat(p1.path("numberMatched").asInt()).isEqualTo(3);
        assertThat(p1.path("numberReturned").asInt()).isEqualTo(2);
        Map<String, JsonNode> l1 = byRel(p1.path("links"));
        assertThat(l1).containsKey("next").doesNotContainKey("prev");
        assertThat(l1.get("self").path("type").asText()).isEqualTo("application/geo+json");
        JsonNode p2 = http.get(local(l1.get("next"))).json();
        assertThat(ids(p2)).containsExactly("INC-2020-11-20-0003");
        Map<String, JsonNode> l2 = byRel(p2.path("links"));
        assertThat(l2).containsKey("prev").doesNotContainKey("next");
        assertThat(ids(http.get(local(l2.get("prev"))).json())).isEqualTo(ids(p1));
        // The filters travel with the paging links.
        JsonNode filtered = http.get("/ogc/collections/incidents/items?limit=1&datetime=2020-11-20T08:00:30Z/..").json();
        assertThat(ids(filtered)).containsExactly("INC-2020-11-20-0002");
        JsonNode next = http.get(local(byRel(filtered.path("links")).get("next"))).json();
        assertThat(ids(next)).containsExactly("INC-2020-11-20-0003");
        assertThat(next.path("numberMatched").asInt()).isEqualTo(2);
        // Above the maximum is served as the maximum, not refused.
        assertThat(http.get("/ogc/collections/zones/items?limit=50000").status()).isEqualTo(200);
        // Default page size 10: the fixture's 9 zones fit, 3 of them fill limit=3.
        assertThat(http.get("/ogc/collections/zones/items").json().path("numberReturned").asInt()).isEqualTo(9);
        assertThat(http.get("/ogc/collections/zones/items?limit=3").json().path("numberReturned").asInt()).isEqualTo(3);
    }

    @Test
    void aFeatureByIdWithLinks() {
        var r = http.get("/ogc/collections/incidents/items/INC-2020-11-20-0003");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.contentType().replace(" ", "")).isEqualTo("application/geo+json;charset=utf-8");
        JsonNode f = r.json();
        assertThat(f.path("type").asText()).isEqualTo("Feature");
        assertThat(f.path("id").asText()).isEqualTo("INC-2020-11-20-0003");
        assertThat(byRel(f.path("links"))).containsKeys("self", "alternate", "collection");
        // A coverage cell id carries reserved characters; its self link is percent-encoded and resolves.
        JsonNode cell = http.get("/ogc/collections/coverage/items?limit=1").json().path("features").get(0);
        JsonNode self = byRel(http.get("/ogc/collections/coverage/items/"
                + URLEncoder.encode(cell.path("id").asText(), StandardCharsets.UTF_8)).json().path("links")).get("self");
        assertThat(http.get(local(self)).json().path("id").asText()).isEqualTo(cell.path("id").asText());
    }

    @Test
    void badParametersAreProblems() {
        for (String q : List.of("bbox=1,2,3", "bbox=a,b,c,d", "bbox=46,40,47,39", "bbox=46,-91,47,39",
                "datetime=yesterday", "datetime=../..", "datetime=2020-11-21T00:00:00Z/2020-11-20T00:00:00Z",
                "limit=0", "limit=ten", "offset=-1", "f=xml", "colour=red")) {
            var r = http.get("/ogc/collections/incidents/items?" + q);
            assertThat(r.status()).as(q).isEqualTo(400);
            assertThat(r.contentType()).as(q).startsWith("application/problem+json");
            assertThat(r.json().path("type").asText()).as(q).isEqualTo("urn:truce:problem:bad-parameter");
            assertThat(r.json().path("detail").asText()).as(q).isNotBlank();
        }
        assertThat(http.get("/ogc/collections/incidents/items?bbox=1,2,3").json().path("parameter").asText())
                .isEqualTo("bbox");
    }

    @Test
    void unknownCollectionOrFeatureIs404() {
        for (String path : List.of("/ogc/collections/findings", "/ogc/collections/findings/items",
                "/ogc/collections/incidents/items/INC-1999-01-01-0001")) {
            var r = http.get(path);
            assertThat(r.status()).as(path).isEqualTo(404);
            assertThat(r.contentType()).as(path).startsWith("application/problem+json");
            assertThat(r.json().path("type").asText()).isEqualTo("urn:truce:problem:not-found");
        }
    }

    @Test
    void htmlByParameterOrAcceptHeader() throws Exception {
        var byParam = http.get("/ogc/collections/incidents/items?f=html");
        assertThat(byParam.status()).isEqualTo(200);
        assertThat(byParam.contentType().replace(" ", "")).isEqualTo("text/html;charset=utf-8");
        assertThat(byParam.body()).contains("<table>", "INC-2020-11-20-0002", "3 features returned of 3 matched");
        HttpResponse<String> browser = HttpClient.newHttpClient().send(HttpRequest.newBuilder(server.uri().resolve("/ogc"))
                .header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(browser.headers().firstValue("Content-Type").orElse("").replace(" ", "")).isEqualTo("text/html;charset=utf-8");
        assertThat(browser.body()).contains("<a href=\"" + server.uri() + "ogc/collections\"");
        HttpResponse<String> program = HttpClient.newHttpClient().send(HttpRequest.newBuilder(server.uri()
                        .resolve("/ogc/collections")).header("Accept", "application/json, text/html;q=0.5").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(program.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
    }
}
