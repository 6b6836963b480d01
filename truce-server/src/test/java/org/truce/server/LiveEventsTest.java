package org.truce.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The live feed at /api/events over a real connection: event names, payloads, throttling, heartbeats, cleanup. */
class LiveEventsTest {
    private static final Duration WAIT = Duration.ofSeconds(5);

    private TestCenter tc;
    private TruceServer server;

    private static final ServerOptions OPTIONS = ServerOptions.defaults()
            .withTickInterval(Duration.ZERO)
            .withHeartbeat(Duration.ofMillis(200))
            .withAssetThrottle(Duration.ofMillis(400))
            .withClockInterval(Duration.ofSeconds(30));

    @BeforeEach
    void center() {
        tc = new TestCenter();
    }

    @AfterEach
    void stop() {
        if (server != null) server.stop();
    }

    private SseReader connect() throws Exception {
        return connect(OPTIONS);
    }

    private SseReader connect(ServerOptions options) throws Exception {
        server = new TruceServer(tc.center, options);
        server.start(0);
        SseReader r = new SseReader(server.uri().resolve("/api/events"));
        long end = System.nanoTime() + WAIT.toNanos();
        while (server.liveClients() < 1 && System.nanoTime() < end) Thread.sleep(10);
        assertThat(server.liveClients()).isEqualTo(1);
        return r;
    }

    @Test
    void incidentsAndTracksArriveAsTheyHappen() throws Exception {
        try (SseReader sse = connect()) {
            var clock = sse.await("clock", c -> true, WAIT);
            assertThat(clock.json().path("time").asText()).isEqualTo(TestCenter.START.toString());
            assertThat(clock.json().path("simulated").asBoolean()).isTrue();

            String fireObs = tc.accept(tc.fire(39.75, 46.80));
            var fire = sse.await("incident", e -> e.path("incident").path("id").asText().equals("INC-2020-11-20-0001"), WAIT);
            assertThat(fire.json().path("opened").asBoolean()).isTrue();
            assertThat(fire.json().path("incident").path("ruleType").asText()).isEqualTo("cease-fire");
            assertThat(fire.json().path("incident").path("evidence").get(0).asText()).isEqualTo(fireObs);
            assertThat(fire.id()).isNotBlank();

            tc.accept(tc.detection("B", 40.05, 47.10, "AM"));
            var track = sse.await("track", t -> t.path("id").asText().equals("TRK-B"), WAIT);
            assertThat(track.json().path("side").asText()).isEqualTo("AM");
            assertThat(track.json().path("position").path("lat").asDouble()).isEqualTo(40.05);
            tc.accept(tc.detection("B", 40.06, 47.11, "AM"));
            var grown = sse.await("incident", e -> e.path("incident").path("evidence").size() == 2, WAIT);
            assertThat(grown.json().path("opened").asBoolean()).isFalse();
            assertThat(grown.json().path("incident").path("party").asText()).isEqualTo("AM");
            assertThat(Long.parseLong(grown.id())).isGreaterThan(Long.parseLong(fire.id()));
        }
    }

    @Test
    void assetEventsAreCoalescedPerAssetAndCarryTheLatestFixAndFootprint() throws Exception {
        try (SseReader sse = connect()) {
            long t0 = System.nanoTime();
            for (int k = 0; k < 20; k++) {
                tc.accept(tc.fix("RU-UAV-01", 39.80 + k * 0.001, 46.70, 90));
            }
            String footprint = tc.accept(tc.footprint("RU-UAV-01", 39.82, 46.72));
            tc.accept(tc.fix("TR-UAV-01", 39.60, 47.00, 180));
            var last = sse.await("asset", a -> a.path("asset").asText().equals("RU-UAV-01")
                    && Math.abs(a.path("fix").path("position").path("lat").asDouble() - 39.819) < 1e-9
                    && a.path("footprintId").asText().equals(footprint), WAIT);
            assertThat(last.json().path("owner").asText()).isEqualTo("RU");
            assertThat(last.json().path("kind").asText()).isEqualTo("DRONE");
            assertThat(last.json().path("fixId").asText()).isEqualTo("OBS-20");
            assertThat(last.json().path("footprint").path("ring")).hasSize(5);
            sse.await("asset", a -> a.path("asset").asText().equals("TR-UAV-01"), WAIT);
            Thread.sleep(500);
            double periods = (System.nanoTime() - t0) / 4e8;
            long ruEvents = sse.named("asset").stream()
                    .filter(e -> e.json().path("asset").asText().equals("RU-UAV-01")).count();
            // 21 observations, at most one event per 400 ms throttle period (plus the one in progress).
            assertThat(ruEvents).isBetween(1L, (long) Math.ceil(periods) + 1);
            assertThat(ruEvents).isLessThan(5);
        }
    }

    @Test
    void clockEventsShowScenarioTime() throws Exception {
        try (SseReader sse = connect(OPTIONS.withClockInterval(Duration.ofMillis(250)))) {
            tc.advance(Duration.ofHours(3));
            Instant later = TestCenter.START.plus(Duration.ofHours(3));
            sse.await("clock", c -> c.path("time").asText().equals(later.toString()), WAIT);
        }
    }

    @Test
    void idleStreamsGetHeartbeatsAndDisconnectedClientsAreRemoved() throws Exception {
        SseReader sse = connect();
        Thread.sleep(700);
        assertThat(sse.comments()).contains("heartbeat");
        sse.close();
        long end = System.nanoTime() + WAIT.toNanos();
        while (server.liveClients() > 0 && System.nanoTime() < end) Thread.sleep(20);
        assertThat(server.liveClients()).isZero();
        // The pipeline keeps going without the client.
        tc.accept(tc.fire(39.75, 46.80));
        assertThat(tc.store.incidents().count()).isEqualTo(1);
    }

    @Test
    void stoppingTheServerEndsTheStreams() throws Exception {
        SseReader sse = connect();
        server.stop();
        long end = System.nanoTime() + WAIT.toNanos();
        while (!sse.ended && System.nanoTime() < end) Thread.sleep(20);
        assertThat(sse.ended).isTrue();
        assertThat(server.liveClients()).isZero();
    }
}
