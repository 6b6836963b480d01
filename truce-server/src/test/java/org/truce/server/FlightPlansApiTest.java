package org.truce.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.truce.server.auth.OperationalData;

/**
 * Flight plans over HTTP on a center that keeps operational data to staff and auditors: filing by the drone's own
 * contingent, refusals as problem bodies, reading by everyone signed in, cancelling, and the OGC collection.
 */
class FlightPlansApiTest {
    private final CaseServer s = new CaseServer(OperationalData.STAFF_AND_AUDITORS);

    @AfterEach
    void stop() {
        s.close();
    }

    @Test
    void theOwnersStaffFilesAndEveryoneSignedInReads() {
        var r = s.post("DUTY_OFFICER RU", "/api/flight-plans", CaseServer.filing("RU-UAV-01"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        JsonNode p = r.json();
        assertThat(p.path("id").asText()).isEqualTo("FP-2020-11-20-0001");
        assertThat(p.path("contingent").asText()).isEqualTo("RU");
        assertThat(p.path("status").asText()).isEqualTo("FILED");
        assertThat(p.path("filedBy").asText()).isNotBlank();
        assertThat(p.path("filed").asText()).isEqualTo("2020-11-20T08:00:00Z");
        assertThat(p.path("path").path("type").asText()).isEqualTo("LineString");
        assertThat(p.path("path").path("coordinates").get(0).get(0).asDouble()).isEqualTo(46.70);
        for (String who : List.of("ANALYST TR", "LIAISON_OFFICER AM", "LIAISON_OFFICER AZ", "AUDITOR")) {
            var one = s.get(who, "/api/flight-plans/FP-2020-11-20-0001");
            assertThat(one.status()).as(who).isEqualTo(200);
            assertThat(one.json()).isEqualTo(p);
        }
        assertThat(s.get(null, "/api/flight-plans").status()).isEqualTo(401);
    }

    @Test
    void theOtherContingentMayNotFileOrCancelForADroneItDoesNotOwn() {
        var r = s.post("ANALYST TR", "/api/flight-plans", CaseServer.filing("RU-UAV-01"));
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().path("detail").asText()).contains("only staff of RU").contains("RU-UAV-01");
        assertThat(s.post("HEAD_OF_CONTINGENT TR", "/api/flight-plans", CaseServer.filing("TR-UAV-01")).status()).isEqualTo(201);
        String id = s.fileFlightPlan("ANALYST RU", "RU-UAV-01");
        assertThat(s.post("ANALYST TR", "/api/flight-plans/" + id + "/cancel", "{}").status()).isEqualTo(403);
        assertThat(s.get("ANALYST RU", "/api/flight-plans/" + id).json().path("status").asText()).isEqualTo("FILED");
    }

    @Test
    void badFilingsAreProblemsNamingTheField() {
        String good = CaseServer.filing("RU-UAV-01");
        assertProblem(good.replace("RU-UAV-01", "XX-UAV-09"), 422, "flightPlan.asset", "no registered asset");
        assertProblem(good.replace("RU-UAV-01", "RU-CAM-01"), 422, "flightPlan.asset", "not a drone");
        assertProblem(good.replace("2020-11-20T15:00:00Z", "2020-11-20T08:30:00Z"), 422, "flightPlan.to", "must be after");
        assertProblem(good.replace("\"LineString\"", "\"Point\""), 422, "path", "LineString (a route) or Polygon");
        assertProblem(good.replace("[[46.70,39.80],[46.80,39.85],[46.85,39.90]]",
                "[[[46.0,39.0],[46.1,39.1],[46.1,39.0],[46.0,39.1],[46.0,39.0]]]").replace("LineString", "Polygon"),
                422, "path", "without crossing itself");
        assertProblem(good.replace("\"maxAltitudeM\":1500", "\"maxAltitudeM\":100"), 422, "flightPlan.maxAltitudeM", "above");
        assertProblem(good.replace("\"purpose\"", "\"purpse\""), 400, "purpse", "unknown field");
        assertProblem(good.replace("\"from\":\"2020-11-20T09:00:00Z\",", ""), 400, "from", "required");
        assertProblem(good.replace("\"from\":\"2020-11-20T09:00:00Z\"", "\"from\":\"tomorrow\""), 400, "from", "ISO-8601");
        assertProblem("{\"asset\":", 400, null, "not well-formed JSON");
        assertThat(s.get("ANALYST RU", "/api/flight-plans").json()).isEmpty();
    }

    private void assertProblem(String body, int status, String parameter, String detail) {
        var r = s.post("ANALYST RU", "/api/flight-plans", body);
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.contentType()).startsWith("application/problem+json");
        if (parameter != null) assertThat(r.json().path("parameter").asText()).as(r.body()).isEqualTo(parameter);
        assertThat(r.json().path("detail").asText()).contains(detail);
    }

    @Test
    void theListFiltersByWindowAndAsset() {
        String ru = s.fileFlightPlan("ANALYST RU", "RU-UAV-01");
        String tr = s.fileFlightPlan("ANALYST TR", "TR-UAV-01");
        assertThat(ids(s.get("LIAISON_OFFICER AM", "/api/flight-plans"))).containsExactly(ru, tr);
        assertThat(ids(s.get("AUDITOR", "/api/flight-plans?asset=TR-UAV-01"))).containsExactly(tr);
        assertThat(ids(s.get("AUDITOR", "/api/flight-plans?from=2020-11-20T15:00:00Z"))).isEmpty();
        assertThat(ids(s.get("AUDITOR", "/api/flight-plans?from=2020-11-20T14:59:00Z&to=2020-11-20T16:00:00Z")))
                .containsExactly(ru, tr);
        assertThat(ids(s.get("AUDITOR", "/api/flight-plans?to=2020-11-20T08:59:00Z"))).isEmpty();
        assertThat(s.get("AUDITOR", "/api/flight-plans?from=2020-11-21T00:00:00Z&to=2020-11-20T00:00:00Z").status())
                .isEqualTo(400);
        assertThat(s.get("AUDITOR", "/api/flight-plans?when=now").status()).isEqualTo(400);
        assertThat(s.get("AUDITOR", "/api/flight-plans/FP-none").status()).isEqualTo(404);
    }

    @Test
    void theOwnerCancelsOnce() {
        String id = s.fileFlightPlan("ANALYST RU", "RU-UAV-01");
        var r = s.post("HEAD_OF_CONTINGENT RU", "/api/flight-plans/" + id + "/cancel", "{\"reason\":\"weather\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().path("status").asText()).isEqualTo("CANCELLED");
        assertThat(r.json().path("cancelReason").asText()).isEqualTo("weather");
        assertThat(r.json().path("cancelledBy").asText()).isNotBlank();
        var again = s.post("ANALYST RU", "/api/flight-plans/" + id + "/cancel", "");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().path("detail").asText()).contains("already cancelled");
        assertThat(s.post("ANALYST RU", "/api/flight-plans/FP-none/cancel", "").status()).isEqualTo(404);
        assertThat(s.post("ANALYST RU", "/api/flight-plans/" + id + "/cancel", "{\"why\":1}").status()).isEqualTo(400);
    }

    @Test
    void theOgcCollectionServesThePlansToEveryoneSignedIn() {
        String ru = s.fileFlightPlan("ANALYST RU", "RU-UAV-01");
        String area = s.post("ANALYST TR", "/api/flight-plans", CaseServer.filing("TR-UAV-01")
                .replace("[[46.70,39.80],[46.80,39.85],[46.85,39.90]]",
                        "[[[47.0,40.0],[47.1,40.0],[47.1,40.1],[47.0,40.1],[47.0,40.0]]]").replace("LineString", "Polygon")
                .replace("2020-11-20T09:00:00Z", "2020-11-20T16:00:00Z").replace("2020-11-20T15:00:00Z", "2020-11-20T20:00:00Z"))
                .json().path("id").asText();
        List<String> listed = new ArrayList<>();
        s.get("AUDITOR", "/ogc/collections").json().path("collections").forEach(c -> listed.add(c.path("id").asText()));
        assertThat(listed).contains("flight-plans", "findings");

        var items = s.get("LIAISON_OFFICER AZ", "/ogc/collections/flight-plans/items");
        assertThat(items.status()).as(items.body()).isEqualTo(200);
        assertThat(items.contentType()).startsWith("application/geo+json");
        JsonNode fc = items.json();
        assertThat(fc.path("numberMatched").asInt()).isEqualTo(s.get("AUDITOR", "/api/flight-plans").json().size());
        JsonNode first = fc.path("features").get(0);
        assertThat(first.path("id").asText()).isEqualTo(ru);
        assertThat(first.path("geometry").path("type").asText()).isEqualTo("LineString");
        assertThat(first.path("properties").path("asset").asText()).isEqualTo("RU-UAV-01");
        assertThat(first.path("properties").path("shape").asText()).isEqualTo("route");
        assertThat(fc.path("features").get(1).path("geometry").path("type").asText()).isEqualTo("Polygon");

        assertThat(ogcIds("/ogc/collections/flight-plans/items?datetime=2020-11-20T17:00:00Z")).containsExactly(area);
        assertThat(ogcIds("/ogc/collections/flight-plans/items?datetime=2020-11-20T10:00:00Z/2020-11-20T16:30:00Z"))
                .containsExactly(ru, area);
        assertThat(ogcIds("/ogc/collections/flight-plans/items?datetime=../2020-11-20T08:30:00Z")).isEmpty();
        assertThat(ogcIds("/ogc/collections/flight-plans/items?bbox=46.9,39.9,47.05,40.05")).containsExactly(area);
        var page = s.get("AUDITOR", "/ogc/collections/flight-plans/items?limit=1").json();
        assertThat(page.path("numberReturned").asInt()).isEqualTo(1);
        List<String> rels = new ArrayList<>();
        page.path("links").forEach(l -> rels.add(l.path("rel").asText()));
        assertThat(rels).contains("next");

        JsonNode collection = s.get("AUDITOR", "/ogc/collections/flight-plans").json();
        assertThat(collection.path("extent").path("temporal").path("interval").get(0).get(0).asText())
                .isEqualTo("2020-11-20T09:00:00Z");
        var html = s.get("LIAISON_OFFICER AM", "/ogc/collections/flight-plans/items/" + ru + "?f=html");
        assertThat(html.status()).isEqualTo(200);
        assertThat(html.contentType()).startsWith("text/html");
        assertThat(html.body()).contains("RU-UAV-01").contains("patrol, sector north");

        assertThat(s.get(null, "/ogc/collections/flight-plans/items").status()).isEqualTo(401);
        assertThat(s.get("LIAISON_OFFICER AM", "/ogc/collections/incidents/items").status()).isEqualTo(403);
    }

    private List<String> ogcIds(String path) {
        var r = s.get("AUDITOR", path);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return ids(r.json().path("features"));
    }

    private static List<String> ids(CaseServer.Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return ids(r.json());
    }

    private static List<String> ids(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.path("id").asText()));
        return out;
    }
}
