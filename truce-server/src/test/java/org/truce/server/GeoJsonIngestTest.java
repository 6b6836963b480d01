package org.truce.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** POST /api/ingest/geojson: Point features become detections of the token's asset, each judged on its own. */
class GeoJsonIngestTest {
    private static final String PATH = "/api/ingest/geojson";

    private TestCenter tc;
    private TruceServer server;
    private Http http;

    @BeforeEach
    void start() {
        tc = new TestCenter();
        server = new TruceServer(tc.center, ServerOptions.defaults().withTickInterval(Duration.ZERO));
        server.start(0);
        http = new Http(server.uri());
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    private static String feature(String coordinates, String properties) {
        return "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":" + coordinates
                + "},\"properties\":{" + properties + "}}";
    }

    private static String collection(String... features) {
        return "{\"type\":\"FeatureCollection\",\"features\":[" + String.join(",", features) + "]}";
    }

    private static final String OK = "\"time\":\"2020-11-20T08:00:00Z\",\"objectClass\":\"apc\",\"cepM\":25";

    @Test
    void pointFeaturesBecomeDetectionsAndBadOnesNameTheProperty() {
        String body = collection(
                feature("[47.1, 40.05]", OK + ",\"side\":\"AM\",\"sideConfidence\":0.8,\"count\":3,"
                        + "\"classConfidence\":0.7,\"sensorTrackId\":\"col-7\",\"name\":\"ignored\""), // 0
                feature("[47.1, 40.05, 650]", OK),                                                       // 1
                feature("[47.1, 91]", OK),                                                               // 2
                feature("[47.1, 40.05]", OK.replace("25", "-1")),                                        // 3
                feature("[47.1, 40.05]", OK + ",\"side\":\"XX\",\"sideConfidence\":0.5"),                // 4
                feature("[47.1, 40.05]", OK + ",\"side\":\"AZ\""),                                       // 5
                feature("[47.1, 40.05]", OK.replace("apc", "spaceship")),                                // 6
                feature("[47.1, 40.05]", OK.replace("2020-11-20T08:00:00Z", "yesterday")),               // 7
                feature("[47.1, 40.05]", "\"objectClass\":\"TANK\",\"cepM\":25"),                        // 8
                feature("[47.1, 40.05]", OK + ",\"count\":0"),                                           // 9
                feature("[47.1, 40.05]", OK + ",\"classConfidence\":1.5"),                               // 10
                "{\"type\":\"Feature\",\"geometry\":{\"type\":\"LineString\",\"coordinates\":[[47,40],[47.1,40]]},"
                        + "\"properties\":{" + OK + "}}");                                               // 11
        var r = http.post(PATH, body, Fixtures.SECRET);
        assertThat(r.status()).isEqualTo(200);
        JsonNode report = r.json();
        assertThat(report.path("accepted").asInt()).isEqualTo(2);
        assertThat(report.path("rejected").asInt()).isEqualTo(10);
        JsonNode res = report.path("results");
        assertThat(res.get(0).path("status").asText()).isEqualTo("accepted");
        assertThat(res.get(1).path("status").asText()).isEqualTo("accepted");
        // the reasons are the ingest gate's, the same on every channel
        assertThat(result(res, 2)).isEqualTo("coordinate-range geometry.coordinates");
        assertThat(res.get(2).path("detail").asText()).contains("lat 91.0");
        assertThat(result(res, 3)).isEqualTo("invalid-value properties.cepM");
        assertThat(result(res, 4)).isEqualTo("invalid-value properties.side");
        assertThat(res.get(4).path("detail").asText()).contains("XX").contains("AM");
        assertThat(result(res, 5)).isEqualTo("malformed properties.sideConfidence");
        assertThat(result(res, 6)).isEqualTo("invalid-value properties.objectClass");
        assertThat(result(res, 7)).isEqualTo("malformed properties.time");
        assertThat(result(res, 8)).isEqualTo("malformed properties.time");
        assertThat(res.get(8).path("detail").asText()).isEqualTo("time is required");
        assertThat(result(res, 9)).isEqualTo("invalid-value properties.count");
        assertThat(result(res, 10)).isEqualTo("invalid-value properties.classConfidence");
        assertThat(result(res, 11)).isEqualTo("malformed geometry.type");
        for (int i = 2; i < 12; i++) assertThat(res.get(i).path("index").asInt()).isEqualTo(i);

        JsonNode d = http.get("/api/observations/" + res.get(0).path("id").asText()).json().path("observation");
        assertThat(d.path("kind").asText()).isEqualTo("detection");
        assertThat(d.path("asset").asText()).isEqualTo("RU-UAV-01");
        assertThat(d.path("position").path("lat").asDouble()).isEqualTo(40.05);
        assertThat(d.path("position").path("lon").asDouble()).isEqualTo(47.1);
        assertThat(d.path("objectClass").asText()).isEqualTo("APC");
        assertThat(d.path("side").asText()).isEqualTo("AM");
        assertThat(d.path("sideConfidence").asDouble()).isEqualTo(0.8);
        assertThat(d.path("classConfidence").asDouble()).isEqualTo(0.7);
        assertThat(d.path("count").asInt()).isEqualTo(3);
        assertThat(d.path("sensorTrackId").asText()).isEqualTo("col-7");
        JsonNode defaults = http.get("/api/observations/" + res.get(1).path("id").asText()).json().path("observation");
        assertThat(defaults.path("classConfidence").asDouble()).isEqualTo(1.0);
        assertThat(defaults.path("count").asInt()).isEqualTo(1);
        assertThat(defaults.has("side")).isFalse();
    }

    @Test
    void theTokenIsRequiredAndTheBodyMustBeAFeatureCollection() {
        String body = collection(feature("[47.1, 40.05]", OK));
        assertThat(http.post(PATH, body, null).status()).isEqualTo(401);
        assertThat(http.post(PATH, body, "nope").status()).isEqualTo(401);
        var notCollection = http.post(PATH, feature("[47.1, 40.05]", OK), Fixtures.SECRET);
        assertThat(notCollection.status()).isEqualTo(400);
        assertThat(notCollection.json().path("parameter").asText()).isEqualTo("type");
        var broken = http.post(PATH, "{\"type\":\"FeatureCollection\",\n\"features\": [}", Fixtures.SECRET);
        assertThat(broken.status()).isEqualTo(400);
        assertThat(broken.json().path("line").asInt()).isEqualTo(2);
        assertThat(http.get("/api/observations?limit=1").json().path("total").asLong()).isZero();
    }

    private static String result(JsonNode results, int i) {
        return results.get(i).path("reason").asText() + " " + results.get(i).path("field").asText();
    }
}
