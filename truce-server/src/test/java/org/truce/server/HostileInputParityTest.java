package org.truce.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.truce.ingest.IngestGate;
import org.truce.ingest.ValidationLimits;
import org.truce.ingest.Verdict;
import org.truce.ingest.mqtt.MqttAdapter;
import org.truce.ingest.mqtt.MqttSettings;

/**
 * The acceptance point of one ingest gate: the same hostile or out-of-range observation, posted over HTTP and
 * published over MQTT (a real Mosquitto on {@code localhost:1883}, or {@code -Dtruce.mqtt.host/port}), is refused
 * with the same reason and the same field, and both refusals are counted in {@code /metrics}. No broker is a
 * failure, not a skip.
 */
class HostileInputParityTest {
    static final String HOST = System.getProperty("truce.mqtt.host", "localhost");
    static final int PORT = Integer.getInteger("truce.mqtt.port", 1883);
    static final String T = "2020-11-20T08:00:00Z";

    final String prefix = "truce-parity-" + UUID.randomUUID().toString().substring(0, 8);
    final LinkedBlockingQueue<Verdict.Refused> mqttRefusals = new LinkedBlockingQueue<>();
    TestCenter tc;
    IngestGate gate;
    TruceServer server;
    Http http;
    MqttAdapter mqtt;
    Mqtt5BlockingClient sensor;

    @BeforeEach
    void start() {
        tc = new TestCenter();
        // One gate for both channels, as `truce serve` wires it (CenterRuntime hands the adapters' gate to the server).
        gate = IngestGate.forCenter(tc.center, ValidationLimits.defaults());
        gate.addRefusalListener((channel, r) -> {
            if (channel.equals(MqttAdapter.CHANNEL)) mqttRefusals.add(r);
        });
        server = new TruceServer(tc.center, ServerOptions.defaults().withTickInterval(Duration.ZERO), gate);
        server.start(0);
        http = new Http(server.uri());
        sensor = MqttClient.builder().useMqttVersion5().identifier("sensor-" + prefix).serverHost(HOST)
                .serverPort(PORT).buildBlocking();
        try {
            sensor.connect();
        } catch (RuntimeException e) {
            throw new AssertionError("No MQTT broker answers on " + HOST + ":" + PORT + " (" + e.getMessage() + "). "
                    + "Start Mosquitto (apt-get install mosquitto && mosquitto -d) or point -Dtruce.mqtt.host/port at one.", e);
        }
        mqtt = new MqttAdapter(gate, MqttSettings.defaults().withClient("center-" + prefix, prefix));
        mqtt.start(HOST, PORT);
    }

    @AfterEach
    void stop() {
        mqtt.stop();
        sensor.disconnect();
        server.stop();
    }

    private static String fix(String position, String rest) {
        return "{\"kind\":\"fix\",\"time\":\"" + T + "\",\"position\":" + position + rest + "}";
    }

    private static final String AT = "{\"lat\":39.8,\"lon\":46.7}";
    private static final String FIX_REST = ",\"altitudeM\":1500,\"cepM\":10,\"headingDeg\":90,\"speedMps\":30";

    /** A footprint ring of {@code n} points (closed), about 30 bytes a point: 1001 fit in one MQTT frame. */
    private static String footprint(int n) {
        StringBuilder ring = new StringBuilder();
        for (int i = 0; i < n - 1; i++) {
            double a = 2 * Math.PI * i / (n - 1);
            ring.append(String.format(java.util.Locale.ROOT, "{\"lat\":%.4f,\"lon\":%.4f},",
                    39.8 + 0.01 * Math.sin(a), 46.7 + 0.01 * Math.cos(a)));
        }
        ring.append("{\"lat\":39.8000,\"lon\":46.7100}");
        return "{\"kind\":\"footprint\",\"time\":\"" + T + "\",\"ring\":[" + ring + "],\"detectionProbability\":0.8}";
    }

    /** Each hostile observation with the reason and field every channel must refuse it with. */
    private static Map<String, String> cases() {
        Map<String, String> c = new LinkedHashMap<>();
        c.put(fix(AT, FIX_REST.replace("1500", "99999")), "altitude-range altitudeM");
        c.put(fix(AT, FIX_REST.replace("1500", "-1000")), "altitude-range altitudeM");
        c.put(fix(AT, FIX_REST.replace("1500", "1e999")), "not-finite altitudeM");
        c.put(fix(AT, FIX_REST.replace("1500", "\"NaN\"")), "not-finite altitudeM");
        c.put(footprint(1001), "oversize ring");
        c.put(fix(AT, FIX_REST).replace(T, "2020-11-18T08:00:00Z"), "stale time");
        c.put(fix(AT, FIX_REST).replace(T, "2020-11-20T09:00:00Z"), "future time");
        c.put(fix(AT, FIX_REST).replace("{\"kind\":\"fix\",", "{\"kind\":\"fix\",\"asset\":\"XX-UAV-99\","),
                "unknown-asset asset");
        c.put(fix(AT, FIX_REST).replace("{\"kind\":\"fix\",", "{\"kind\":\"fix\",\"asset\":\"TR-UAV-01\","),
                "wrong-asset asset");
        c.put(fix("{\"lat\":\"NaN\",\"lon\":46.7}", FIX_REST), "not-finite position.lat");
        c.put(fix("{\"lat\":1e400,\"lon\":46.7}", FIX_REST), "not-finite position.lat");
        c.put(fix("{\"lat\":95,\"lon\":46.7}", FIX_REST), "coordinate-range position.lat");
        c.put(fix("{\"lat\":39.8,\"lon\":-540}", FIX_REST), "coordinate-range position.lon");
        c.put(fix(AT, FIX_REST.replace("\"cepM\":10", "\"cepM\":-3")), "invalid-value cepM");
        c.put(fix(AT, FIX_REST.replace(",\"speedMps\":30", "")), "malformed speedMps");
        c.put(fix(AT, FIX_REST.replace("\"headingDeg\":90", "\"headingDeg\":\"east\"")), "malformed headingDeg");
        c.put("{\"kind\":\"smoke\",\"time\":\"" + T + "\"}", "malformed kind");
        c.put("{\"kind\":\"detection\",\"time\":\"" + T + "\",\"position\":" + AT + ",\"cepM\":20,"
                + "\"objectClass\":\"TANK\",\"classConfidence\":1.5,\"sideConfidence\":0,\"count\":1}",
                "invalid-value classConfidence");
        c.put("{\"kind\":\"detection\",\"time\":\"" + T + "\",\"position\":" + AT + ",\"cepM\":20,"
                + "\"objectClass\":\"SPACESHIP\",\"classConfidence\":1,\"sideConfidence\":0,\"count\":1}",
                "invalid-value objectClass");
        c.put("{\"kind\":\"footprint\",\"time\":\"" + T + "\",\"ring\":[" + AT + "," + AT + "],"
                + "\"detectionProbability\":0.8}", "invalid-value ring");
        return c;
    }

    @Test
    void theSameHostileObservationIsRefusedAlikeOverHttpAndMqttAndCountedInMetrics() throws Exception {
        Map<String, String> cases = cases();
        Map<String, Long> expected = new LinkedHashMap<>();
        for (var c : cases.entrySet()) {
            String payload = c.getKey();
            JsonNode results = http.post("/api/ingest/observations", "[" + payload + "]", Fixtures.SECRET).json()
                    .path("results");
            assertThat(results).as(payload).hasSize(1);
            String overHttp = results.get(0).path("reason").asText() + " " + results.get(0).path("field").asText();

            sensor.publishWith().topic(prefix + "/RU/RU-UAV-01/telemetry").qos(MqttQos.AT_LEAST_ONCE)
                    .payload(payload.getBytes(StandardCharsets.UTF_8)).send();
            Verdict.Refused r = mqttRefusals.poll(10, TimeUnit.SECONDS);
            assertThat(r).as("an MQTT refusal of " + abbreviated(payload)).isNotNull();
            String overMqtt = r.reason() + " " + r.field().orElse("");

            assertThat(overHttp).as("HTTP, " + abbreviated(payload)).isEqualTo(c.getValue());
            assertThat(overMqtt).as("MQTT, " + abbreviated(payload)).isEqualTo(c.getValue());
            expected.merge(c.getValue().split(" ")[0], 1L, Long::sum);
        }
        assertThat(http.get("/api/observations?limit=1").json().path("total").asLong()).as("nothing accepted").isZero();

        List<String> metrics = http.get("/metrics").body().lines().toList();
        for (var e : expected.entrySet()) {
            for (String channel : List.of("http", "mqtt")) {
                String line = "truce_ingest_rejected_total{channel=\"" + channel + "\",reason=\"" + e.getKey() + "\"} "
                        + e.getValue();
                assertThat(metrics).as("/metrics").contains(line);
                assertThat(metrics).contains(line.replace("truce_ingest_rejected_total", "truce_center_inputs_rejected_total"));
            }
        }
    }

    @Test
    void aGoodObservationIsAcceptedOnBothAndCountedUnderEachChannel() throws Exception {
        var overHttp = http.post("/api/ingest/observations", "[" + fix(AT, FIX_REST) + "]", Fixtures.SECRET).json();
        assertThat(overHttp.path("accepted").asInt()).isEqualTo(1);
        sensor.publishWith().topic(prefix + "/RU/RU-UAV-01/telemetry").qos(MqttQos.AT_LEAST_ONCE)
                .payload(fix("{\"lat\":39.81,\"lon\":46.7}", FIX_REST).getBytes(StandardCharsets.UTF_8)).send();
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (tc.store.observations().read(1, 10).size() < 2 && System.nanoTime() < end) Thread.sleep(10);
        List<String> metrics = http.get("/metrics").body().lines().toList();
        assertThat(metrics).contains("truce_ingest_accepted_total{channel=\"http\"} 1",
                "truce_ingest_accepted_total{channel=\"mqtt\"} 1");
        assertThat(mqttRefusals).isEmpty();
    }

    private static String abbreviated(String s) {
        return s.length() <= 160 ? s : s.substring(0, 160) + "…";
    }

}
