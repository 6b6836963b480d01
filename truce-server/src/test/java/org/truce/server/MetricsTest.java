package org.truce.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.truce.pipeline.Acceptance;

/** GET /metrics: Prometheus text exposition format with the server's counters and the injected extra text. */
class MetricsTest {
    /** A sample line: name, optional labels with escaped values, a number. */
    private static final Pattern SAMPLE = Pattern.compile(
            "[a-zA-Z_:][a-zA-Z0-9_:]*(\\{([a-zA-Z_][a-zA-Z0-9_]*=\"([^\"\\\\\\n]|\\\\[\\\\\"n])*\",?)*})? "
                    + "(-?[0-9.eE+-]+|NaN|[+-]Inf)");

    private TruceServer server;

    @AfterEach
    void stop() {
        if (server != null) server.stop();
    }

    @Test
    void countersAreExposedInTheTextFormatWithEscapedLabels() {
        TestCenter tc = new TestCenter();
        String extra = "# HELP truce_extra_total An injected family.\n"
                + "# TYPE truce_extra_total counter\n"
                + "truce_extra_total{channel=\"mavlink\"} 7";
        server = new TruceServer(tc.center, ServerOptions.defaults().withTickInterval(Duration.ZERO)
                .withMetrics(() -> extra));
        server.start(0);
        Http http = new Http(server.uri());
        tc.accept(tc.fire(39.75, 46.80)); // opens a cease-fire incident
        tc.accept(tc.fix("RU-UAV-01", 39.8, 46.7, 90));
        tc.center.accept("cot", tc.fix("XX-UAV-99", 39.8, 46.7, 90));
        tc.center.rejections().reject("odd\"channel\\", new Acceptance.Rejected("line\nbreak", "test"));
        http.post("/api/ingest/observations", "[]", null); // unauthorized on channel http

        var r = http.get("/metrics");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.contentType()).isEqualTo("text/plain; version=0.0.4; charset=utf-8");
        List<String> lines = r.body().lines().toList();
        assertThat(lines).contains(
                "truce_center_observations_accepted_total{channel=\"test\"} 2",
                "truce_center_inputs_rejected_total{channel=\"cot\",reason=\"unknown-asset\"} 1",
                "truce_center_inputs_rejected_total{channel=\"http\",reason=\"unauthorized\"} 1",
                "truce_center_inputs_rejected_total{channel=\"odd\\\"channel\\\\\",reason=\"line\\nbreak\"} 1",
                "truce_center_incidents_opened_total 1",
                "truce_center_incidents{state=\"open\"} 1",
                "truce_center_incidents{state=\"closed\"} 0",
                "truce_server_live_clients 0",
                "truce_extra_total{channel=\"mavlink\"} 7",
                // the HTTP channel is counted by the ingest gate, like every adapter
                "truce_ingest_rejected_total{channel=\"http\",reason=\"unauthorized\"} 1",
                "# TYPE truce_center_inputs_rejected_total counter",
                "# TYPE truce_server_live_clients gauge");
        assertThat(r.body()).endsWith("\n");

        // Every family has exactly one HELP and one TYPE line, before its samples; every other line is a sample.
        Set<String> helped = new HashSet<>();
        Set<String> typed = new HashSet<>();
        for (String line : lines) {
            if (line.startsWith("# HELP ")) {
                assertThat(helped.add(line.split(" ")[2])).as(line).isTrue();
            } else if (line.startsWith("# TYPE ")) {
                String[] p = line.split(" ");
                assertThat(p[3]).isIn("counter", "gauge");
                assertThat(typed.add(p[2])).as(line).isTrue();
            } else {
                assertThat(line).matches(SAMPLE);
                String name = line.split("[{ ]")[0];
                assertThat(typed).as("TYPE before " + line).contains(name);
                assertThat(helped).as("HELP before " + line).contains(name);
            }
        }
    }

    @Test
    void liveClientsAreCounted() throws Exception {
        TestCenter tc = new TestCenter();
        server = new TruceServer(tc.center, ServerOptions.defaults().withTickInterval(Duration.ZERO));
        server.start(0);
        try (SseReader sse = new SseReader(server.uri().resolve("/api/events"))) {
            long end = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (server.liveClients() < 1 && System.nanoTime() < end) Thread.sleep(10);
            assertThat(new Http(server.uri()).get("/metrics").body()).contains("truce_server_live_clients 1\n");
        }
    }
}
