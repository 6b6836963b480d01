package org.truce.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** POST /api/ingest/observations over a real connection: token auth, per-item results, limits, bad bodies. */
class HttpIngestTest {
    private static final String PATH = "/api/ingest/observations";
    private static final String T = "2020-11-20T08:00:00Z";

    private TestCenter tc;
    private TruceServer server;
    private Http http;

    @BeforeEach
    void start() {
        tc = new TestCenter();
        server = new TruceServer(tc.center, ServerOptions.defaults().withTickInterval(Duration.ZERO)
                .withMaxIngestBytes(4096));
        server.start(0);
        http = new Http(server.uri());
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    private static String fix(String asset, double lat, String extra) {
        return """
                {"kind":"fix",%s"time":"%s","position":{"lat":%s,"lon":46.7},"altitudeM":1500,"cepM":10,\
                "headingDeg":90,"speedMps":30%s}""".formatted(asset == null ? "" : "\"asset\":\"" + asset + "\",",
                T, lat, extra);
    }

    private long logged() {
        return http.get("/api/observations?limit=1").json().path("total").asLong();
    }

    @Test
    void eachItemIsAcceptedOrRejectedOnItsOwnAndAcceptedOnesAreInTheLog() {
        String detection = """
                {"kind":"detection","asset":"RU-UAV-01","time":"%s","position":{"lat":40.05,"lon":47.1},"cepM":20,\
                "objectClass":"TANK","classConfidence":0.9,"side":"AM","sideConfidence":0.92,"count":1,\
                "sensorTrackId":"B"}""".formatted(T);
        String body = "[" + String.join(",",
                fix("RU-UAV-01", 39.8, ""),                                  // 0 accepted
                fix("RU-UAV-01", 95.0, ""),                                  // 1 latitude out of range
                fix("TR-UAV-01", 39.8, ""),                                  // 2 another asset's observation
                detection,                                                   // 3 accepted
                fix("RU-UAV-01", 39.8, "").replace(T, "2020-11-01T00:00:00Z"), // 4 stale: the center refuses
                fix("RU-UAV-01", 39.8, "").replace("\"altitudeM\":1500", "\"altitudeM\":\"NaN\""), // 5 NaN
                fix("RU-UAV-01", 39.8, "").replace("\"cepM\":10,", ""),       // 6 missing field
                "{\"kind\":\"smoke\"}",                                     // 7 unknown kind
                "42",                                                        // 8 not an object
                fix("RU-UAV-01", 39.81, "")) + "]";                          // 9 accepted after all the bad ones
        var r = http.post(PATH, body, Fixtures.SECRET);

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.contentType()).startsWith("application/json");
        JsonNode report = r.json();
        assertThat(report.path("asset").asText()).isEqualTo("RU-UAV-01");
        assertThat(report.path("accepted").asInt()).isEqualTo(3);
        assertThat(report.path("rejected").asInt()).isEqualTo(7);
        JsonNode results = report.path("results");
        assertThat(results).hasSize(10);
        for (int i = 0; i < 10; i++) assertThat(results.get(i).path("index").asInt()).isEqualTo(i);

        assertThat(results.get(0).path("status").asText()).isEqualTo("accepted");
        assertThat(results.get(0).path("id").asText()).isEqualTo("OBS-1");
        assertThat(results.get(0).has("accepted")).as("no stray members").isFalse();
        assertThat(result(results, 1)).isEqualTo("coordinate-range position.lat");
        assertThat(results.get(1).path("detail").asText()).contains("lat 95.0").contains("[-90, 90]");
        assertThat(result(results, 2)).isEqualTo("wrong-asset asset");
        assertThat(results.get(2).path("detail").asText()).contains("TR-UAV-01").contains("RU-UAV-01");
        assertThat(results.get(3).path("id").asText()).isEqualTo("OBS-2");
        // the gate's skew check, the same as every channel's, names the field
        assertThat(result(results, 4)).isEqualTo("stale time");
        assertThat(result(results, 5)).isEqualTo("not-finite altitudeM");
        assertThat(results.get(5).path("detail").asText()).contains("finite");
        assertThat(result(results, 6)).isEqualTo("malformed cepM");
        assertThat(results.get(6).path("detail").asText()).isEqualTo("cepM is required");
        assertThat(result(results, 7)).isEqualTo("malformed kind");
        assertThat(results.get(7).path("detail").asText()).contains("smoke").contains("detection");
        assertThat(results.get(8).path("reason").asText()).isEqualTo("malformed");
        assertThat(results.get(8).has("field")).isFalse();
        assertThat(results.get(9).path("id").asText()).isEqualTo("OBS-3");

        JsonNode stored = http.get("/api/observations/OBS-2").json();
        assertThat(stored.path("channel").asText()).isEqualTo("http");
        assertThat(stored.path("observation").path("kind").asText()).isEqualTo("detection");
        assertThat(stored.path("observation").path("sensorTrackId").asText()).isEqualTo("B");
        assertThat(logged()).isEqualTo(3);
    }

    @Test
    void aDetectionsLookIsKeptAndABadLookRejectedNamingItsField() {
        String detection = """
                {"kind":"detection","time":"%s","position":{"lat":40.05,"lon":47.1},"cepM":20,\
                "objectClass":"TANK","classConfidence":0.9,"sideConfidence":0,"count":1%s}""";
        String body = "[" + String.join(",",
                detection.formatted(T, ",\"appearance\":{\"descriptor\":[0.5,-1.25],\"sigma\":0.7}"), // 0 kept
                detection.formatted(T, ",\"appearance\":{\"descriptor\":[0.5,\"x\"],\"sigma\":0.7}"), // 1
                detection.formatted(T, ",\"appearance\":{\"descriptor\":[],\"sigma\":0.7}"),          // 2
                detection.formatted(T, ",\"appearance\":{\"descriptor\":[1.0]}"),                      // 3
                detection.formatted(T, "")) + "]";                                                  // 4 kept
        JsonNode results = http.post(PATH, body, Fixtures.SECRET).json().path("results");

        assertThat(results.get(0).path("status").asText()).isEqualTo("accepted");
        assertThat(result(results, 1)).isEqualTo("malformed appearance.descriptor[1]");
        assertThat(result(results, 2)).isEqualTo("invalid-value appearance.descriptor");
        assertThat(results.get(2).path("detail").asText()).contains("appearance.descriptor").contains("1 to 64");
        assertThat(result(results, 3)).isEqualTo("malformed appearance.sigma");
        assertThat(results.get(3).path("detail").asText()).isEqualTo("appearance.sigma is required");
        assertThat(results.get(4).path("status").asText()).isEqualTo("accepted");
        JsonNode stored = http.get("/api/observations/" + results.get(0).path("id").asText()).json();
        assertThat(stored.path("observation").path("appearance").path("descriptor").toString()).isEqualTo("[0.5,-1.25]");
        assertThat(stored.path("observation").path("appearance").path("sigma").asDouble()).isEqualTo(0.7);
        assertThat(logged()).isEqualTo(2);
    }

    @Test
    void theObjectFormIsAcceptedAndAnOmittedAssetIsTheTokensAsset() {
        var r = http.post(PATH, "{\"observations\":[" + fix(null, 39.8, "") + "]}", Fixtures.SECRET);
        assertThat(r.status()).isEqualTo(200);
        String id = r.json().path("results").get(0).path("id").asText();
        assertThat(http.get("/api/observations/" + id).json().path("observation").path("asset").asText())
                .isEqualTo("RU-UAV-01");
    }

    @Test
    void eachAssetIsKnownByItsOwnToken() {
        var r = http.post(PATH, "[" + fix("RU-CAM-01", 39.93, "") + "]", Fixtures.CAM_SECRET);
        assertThat(r.json().path("asset").asText()).isEqualTo("RU-CAM-01");
        assertThat(r.json().path("accepted").asInt()).isEqualTo(1);
        // The drone's token does not let it speak for the camera.
        var other = http.post(PATH, "[" + fix("RU-CAM-01", 39.93, "") + "]", Fixtures.SECRET);
        assertThat(result(other.json().path("results"), 0)).isEqualTo("wrong-asset asset");
    }

    @Test
    void aMissingOrWrongTokenIsRefusedWithoutReadingAnything() {
        String body = "[" + fix("RU-UAV-01", 39.8, "") + "]";
        var none = http.post(PATH, body, null);
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.contentType()).startsWith("application/problem+json");
        assertThat(none.json().path("type").asText()).isEqualTo("urn:truce:problem:unauthorized");
        assertThat(none.json().path("detail").asText()).contains("Authorization: Bearer");
        assertThat(none.wwwAuthenticate()).startsWith("Bearer");

        var wrong = http.post(PATH, body, Fixtures.SECRET + "x");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.wwwAuthenticate()).contains("invalid_token");
        assertThat(wrong.body()).doesNotContain(Fixtures.SECRET);
        // An asset without a token cannot be impersonated with an empty one.
        assertThat(http.post(PATH, body, "").status()).isEqualTo(401);
        assertThat(logged()).isZero();
        assertThat(tc.center.rejections().snapshot().get("http")).containsEntry("unauthorized", 3L);
    }

    @Test
    void malformedJsonIsA400NamingLineAndColumn() {
        var r = http.post(PATH, "[\n  {\"kind\": \"fix\",\n    oops: 1}\n]", Fixtures.SECRET);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        JsonNode p = r.json();
        assertThat(p.path("type").asText()).isEqualTo("urn:truce:problem:malformed-body");
        assertThat(p.path("line").asInt()).isEqualTo(3);
        assertThat(p.path("column").asInt()).isEqualTo(5); // the "o" of oops
        assertThat(p.path("detail").asText()).contains("line 3, column 5");
        assertThat(p.path("instance").asText()).isEqualTo(PATH);
        assertThat(logged()).isZero();
    }

    @Test
    void aBodyOfTheWrongShapeIsA400NamingTheField() {
        var r = http.post(PATH, "{\"items\":[]}", Fixtures.SECRET);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().path("parameter").asText()).isEqualTo("observations");
        assertThat(http.post(PATH, "", Fixtures.SECRET).status()).isEqualTo(400);
        var query = http.post(PATH + "?dryRun=true", "[]", Fixtures.SECRET);
        assertThat(query.status()).isEqualTo(400);
        assertThat(query.json().path("parameter").asText()).isEqualTo("dryRun");
        var empty = http.post(PATH, "[]", Fixtures.SECRET);
        assertThat(empty.status()).isEqualTo(200);
        assertThat(empty.json().path("results")).isEmpty();
    }

    @Test
    void aBodyOverTheLimitIsA413AndNothingIsAccepted() {
        StringBuilder big = new StringBuilder("[");
        for (int i = 0; i < 40; i++) big.append(i == 0 ? "" : ",").append(fix("RU-UAV-01", 39.8, ""));
        String body = big.append("]").toString();
        assertThat(body.length()).isGreaterThan(4096);
        var r = http.post(PATH, body, Fixtures.SECRET);
        assertThat(r.status()).isEqualTo(413);
        assertThat(r.json().path("type").asText()).isEqualTo("urn:truce:problem:payload-too-large");
        assertThat(r.json().path("detail").asText()).contains("4096");
        assertThat(logged()).isZero();
        // Streamed without a Content-Length: the server counts the bytes itself.
        var chunked = http.post(PATH, java.net.http.HttpRequest.BodyPublishers.ofInputStream(
                () -> new java.io.ByteArrayInputStream(body.getBytes(java.nio.charset.StandardCharsets.UTF_8))),
                Fixtures.SECRET);
        assertThat(chunked.status()).isEqualTo(413);
        assertThat(logged()).isZero();
        assertThat(tc.center.rejections().snapshot().get("http")).containsEntry("oversize", 2L);
    }

    private static String result(JsonNode results, int i) {
        return results.get(i).path("reason").asText() + " " + results.get(i).path("field").asText();
    }
}
