package org.truce.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.truce.server.health.AssetHealthView;

/** Asset health on the API and the live feed, with and without a health source. */
class AssetHealthApiTest {
    private static final Duration WAIT = Duration.ofSeconds(5);

    private TestCenter tc;
    private TestHealth health;
    private TruceServer server;

    @BeforeEach
    void center() {
        tc = new TestCenter();
        health = new TestHealth(tc.store.assets());
        tc.center.addListener(health);
    }

    @AfterEach
    void stop() {
        if (server != null) server.stop();
    }

    private Http start(ServerOptions options) {
        server = new TruceServer(tc.center, options.withTickInterval(Duration.ZERO)
                .withClockInterval(Duration.ofSeconds(30)));
        server.start(0);
        return new Http(server.uri());
    }

    @Test
    void theTimelineShowsEachChangeWithItsTimeAndReason() {
        Http http = start(ServerOptions.defaults().withHealth(health));
        tc.accept(tc.fix("RU-UAV-01", 39.80, 46.70, 90));
        tc.advance(Duration.ofSeconds(10));
        health.tick(tc.clock.instant()); // 3 × 1 s heartbeat of silence: offline
        tc.accept(tc.fix("RU-UAV-01", 39.8001, 46.70, 90));

        var r = http.get("/api/assets/RU-UAV-01/health");
        assertThat(r.status()).isEqualTo(200);
        JsonNode h = r.json();
        assertThat(h.path("asset").asText()).isEqualTo("RU-UAV-01");
        assertThat(h.path("monitored").asBoolean()).isTrue();
        assertThat(h.path("status").asText()).isEqualTo("ONLINE");
        assertThat(h.has("note")).isFalse();
        JsonNode t = h.path("timeline");
        assertThat(t).hasSize(3);
        assertThat(t.get(0).path("from").asText() + ">" + t.get(0).path("to").asText()).isEqualTo("UNKNOWN>ONLINE");
        assertThat(t.get(0).path("time").asText()).isEqualTo("2020-11-20T08:00:00Z");
        assertThat(t.get(1).path("to").asText()).isEqualTo("OFFLINE");
        assertThat(t.get(1).path("time").asText()).isEqualTo("2020-11-20T08:00:03Z");
        assertThat(t.get(1).path("reason").asText()).contains("silent for 3 s");
        assertThat(t.get(2).path("to").asText()).isEqualTo("ONLINE");

        JsonNode assets = http.get("/api/assets").json();
        JsonNode drone = find(assets, "RU-UAV-01");
        assertThat(drone.path("health").path("status").asText()).isEqualTo("ONLINE");
        assertThat(drone.path("health").path("since").asText()).isEqualTo("2020-11-20T08:00:10Z");
        JsonNode silent = find(assets, "TR-ACU-01");
        assertThat(silent.path("health").path("status").asText()).isEqualTo("UNKNOWN");
        assertThat(silent.path("health").has("since")).isFalse();
        assertThat(http.get("/api/assets/RU-UAV-01").json().path("health").path("status").asText()).isEqualTo("ONLINE");
    }

    @Test
    void aPositionJumpIsAnAnomalyOnTheApi() {
        Http http = start(ServerOptions.defaults().withHealth(health));
        tc.accept(tc.fix("RU-UAV-01", 39.80, 46.70, 90));
        tc.advance(Duration.ofSeconds(1));
        tc.accept(tc.fix("RU-UAV-01", 39.90, 46.70, 90)); // 11 km in a second; the drone does 40 m/s
        JsonNode h = http.get("/api/assets/RU-UAV-01/health").json();
        assertThat(h.path("status").asText()).isEqualTo("POSITION_ANOMALY");
        assertThat(h.path("timeline").get(1).path("reason").asText()).contains("at most");
    }

    @Test
    void statusChangesArriveAsHealthEvents() throws Exception {
        // Wired as the application wires a source that does not implement the interface itself.
        start(ServerOptions.defaults().withHealth(AssetHealthView.of(health::status, health::timeline,
                health::subscribe)));
        try (SseReader sse = new SseReader(server.uri().resolve("/api/events"))) {
            sse.await("clock", c -> true, WAIT);
            tc.accept(tc.fix("RU-UAV-01", 39.80, 46.70, 90));
            var online = sse.await("health", e -> e.path("to").asText().equals("ONLINE"), WAIT);
            assertThat(online.json().path("asset").asText()).isEqualTo("RU-UAV-01");
            assertThat(online.json().path("from").asText()).isEqualTo("UNKNOWN");
            tc.advance(Duration.ofSeconds(5));
            health.tick(tc.clock.instant());
            var offline = sse.await("health", e -> e.path("to").asText().equals("OFFLINE"), WAIT);
            assertThat(offline.json().path("time").asText()).isEqualTo("2020-11-20T08:00:03Z");
            assertThat(Long.parseLong(offline.id())).isGreaterThan(Long.parseLong(online.id()));
        }
    }

    @Test
    void withoutASourceTheEndpointSaysSoAndAssetsCarryNoHealth() {
        Http http = start(ServerOptions.defaults());
        tc.accept(tc.fix("RU-UAV-01", 39.80, 46.70, 90));
        var r = http.get("/api/assets/RU-UAV-01/health");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().path("monitored").asBoolean()).isFalse();
        assertThat(r.json().path("status").asText()).isEqualTo("UNKNOWN");
        assertThat(r.json().path("timeline")).isEmpty();
        assertThat(r.json().path("note").asText()).contains("no asset health source");
        assertThat(find(http.get("/api/assets").json(), "RU-UAV-01").has("health")).isFalse();
    }

    @Test
    void unknownAssetsAndStrayParametersAreProblems() {
        Http http = start(ServerOptions.defaults().withHealth(health));
        var missing = http.get("/api/assets/XX-UAV-99/health");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().path("parameter").asText()).isEqualTo("id");
        assertThat(http.get("/api/assets/RU-UAV-01/health?since=x").status()).isEqualTo(400);
    }

    private static JsonNode find(JsonNode assets, String id) {
        for (JsonNode a : assets) if (a.path("id").asText().equals(id)) return a;
        throw new AssertionError("no asset " + id + " in " + assets);
    }
}
