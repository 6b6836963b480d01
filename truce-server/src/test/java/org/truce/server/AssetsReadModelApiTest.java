package org.truce.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.truce.pipeline.Acceptance;
import org.truce.pipeline.Center;
import org.truce.ground.AssetId;
import org.truce.sensing.Observation;
import org.truce.geo.GeoPoint;
import org.truce.store.jdbc.JdbcStore;
import org.truce.time.SimulatedClock;

/**
 * {@code /api/assets} answers from the assets read model: the last fix moves as new fixes arrive, and a server
 * started on a store that already holds a log (a restart on H2) shows the stored last fix and footprint, found
 * through the log's index rather than by paging through it.
 */
class AssetsReadModelApiTest {
    @Test
    void theLastFixFollowsNewFixes() {
        TestCenter tc = new TestCenter();
        try (TruceServer server = new TruceServer(tc.center, ServerOptions.defaults().withTickInterval(Duration.ZERO))) {
            server.start(0);
            Http http = new Http(server.uri());
            assertThat(drone(http).has("lastFix")).as("no fix yet").isFalse();
            String first = tc.accept(tc.fix("RU-UAV-01", 39.80, 46.70, 90));
            assertThat(drone(http).path("lastFix").path("observationId").asText()).isEqualTo(first);
            tc.advance(Duration.ofSeconds(5));
            tc.accept(tc.fix("TR-UAV-01", 39.70, 46.60, 10));
            String second = tc.accept(tc.fix("RU-UAV-01", 39.82, 46.72, 95));
            JsonNode d = drone(http);
            assertThat(d.path("lastFix").path("observationId").asText()).isEqualTo(second);
            assertThat(d.path("lastFix").path("observation").path("position").path("lat").asDouble()).isEqualTo(39.82);
            assertThat(http.get("/api/assets/RU-UAV-01").json().path("lastFix").path("observationId").asText())
                    .isEqualTo(second);
        }
    }

    @Test
    void aServerOnAnH2LogSeedsTheLastFixAndFootprintFromTheStore(@TempDir Path data) {
        Instant t0 = TestCenter.START;
        String lastFix;
        String lastPrint;
        try (JdbcStore store = JdbcStore.h2(data)) {
            Fixtures.assets().forEach(store.assets()::save);
            SimulatedClock clock = new SimulatedClock(t0);
            Center center = Center.builder(Fixtures.agreement()).store(store).clock(clock)
                    .processor(c -> new TestProcessor(Fixtures.agreement())).build();
            accept(center, fix(t0, 39.80));
            lastPrint = accept(center, new TestCenter().footprint("RU-UAV-01", 39.80, 46.75));
            clock.advance(Duration.ofSeconds(3));
            lastFix = accept(center, fix(t0.plusSeconds(3), 39.83));
        }
        try (JdbcStore store = JdbcStore.h2(data)) {
            Center center = Center.builder(Fixtures.agreement()).store(store).clock(new SimulatedClock(t0.plusSeconds(4)))
                    .processor(c -> new TestProcessor(Fixtures.agreement())).build();
            center.replay();
            try (TruceServer server = new TruceServer(center, ServerOptions.defaults().withTickInterval(Duration.ZERO))) {
                server.start(0);
                JsonNode d = drone(new Http(server.uri()));
                assertThat(d.path("lastFix").path("observationId").asText()).isEqualTo(lastFix);
                assertThat(d.path("lastFix").path("observation").path("position").path("lat").asDouble()).isEqualTo(39.83);
                assertThat(d.path("lastFootprint").path("observationId").asText()).isEqualTo(lastPrint);
            }
        }
    }

    private static Observation.PlatformFix fix(Instant t, double lat) {
        return new Observation.PlatformFix(AssetId.of("RU-UAV-01"), t, GeoPoint.of(lat, 46.70), 1500, 10, 90, 30);
    }

    private static String accept(Center center, Observation o) {
        if (center.accept("test", o) instanceof Acceptance.Accepted ok) return ok.observation().id();
        throw new AssertionError("refused: " + o);
    }

    private static JsonNode drone(Http http) {
        for (JsonNode a : http.get("/api/assets").json()) {
            if (a.path("id").asText().equals("RU-UAV-01")) return a;
        }
        throw new AssertionError("no RU-UAV-01 in /api/assets");
    }
}
