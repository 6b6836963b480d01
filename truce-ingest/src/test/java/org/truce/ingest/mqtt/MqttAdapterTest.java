package org.truce.ingest.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.truce.ingest.Fixture.await;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.truce.codec.TruceJson;
import org.truce.geo.GeoPoint;
import org.truce.ingest.Fixture;
import org.truce.ingest.IngestGate;
import org.truce.ingest.IngestMetrics;
import org.truce.ingest.ObservationValidator;
import org.truce.ingest.Reasons;
import org.truce.ingest.ValidationLimits;
import org.truce.ground.ObjectClass;
import org.truce.sensing.Observation;

/**
 * Against a real MQTT broker (Mosquitto) on {@code localhost:1883}, or {@code -Dtruce.mqtt.host/port}. No broker
 * is a failure, not a skip: CI starts one.
 */
class MqttAdapterTest {
    static final String HOST = System.getProperty("truce.mqtt.host", "localhost");
    static final int PORT = Integer.getInteger("truce.mqtt.port", 1883);

    final Fixture fx = new Fixture();
    final String prefix = "truce-test-" + UUID.randomUUID().toString().substring(0, 8);
    MqttAdapter adapter;
    Mqtt5BlockingClient sensor;

    @BeforeEach
    void start() {
        sensor = MqttClient.builder().useMqttVersion5().identifier("sensor-" + prefix).serverHost(HOST).serverPort(PORT)
                .buildBlocking();
        try {
            sensor.connect();
        } catch (RuntimeException e) {
            throw new AssertionError("No MQTT broker answers on " + HOST + ":" + PORT + " (" + e.getMessage() + "). "
                    + "Start Mosquitto (apt-get install mosquitto && mosquitto -d) or point -Dtruce.mqtt.host/port at one.", e);
        }
        adapter = new MqttAdapter(fx.gate, MqttSettings.defaults().withClient("center-" + prefix, prefix));
        adapter.start(HOST, PORT);
    }

    @AfterEach
    void stop() {
        adapter.stop();
        sensor.disconnect();
    }

    void publish(String topic, String payload) {
        sensor.publishWith().topic(prefix + "/" + topic).qos(MqttQos.AT_LEAST_ONCE)
                .payload(payload.getBytes(StandardCharsets.UTF_8)).send();
    }

    @Test
    void simpleTelemetryBecomesAFix() {
        publish("TR/TR-OBS-01/telemetry", "{\"time\":\"2020-11-14T07:59:58Z\",\"lat\":39.9325,\"lon\":47.0617,"
                + "\"alt\":610,\"cep\":4,\"heading\":-90,\"speed\":1.2}");
        await("fix", () -> !fx.accepted(Observation.PlatformFix.class).isEmpty());
        var f = fx.accepted(Observation.PlatformFix.class).getFirst();
        assertThat(f.asset()).isEqualTo(Fixture.OBS);
        assertThat(f.altitudeM()).isEqualTo(610);
        assertThat(f.cepM()).isEqualTo(4);
        assertThat(f.headingDeg()).isEqualTo(270);
        assertThat(fx.store.observations().read(1, 1).getFirst().channel()).isEqualTo("mqtt");
    }

    @Test
    void observationJsonIsIngestedAsIs() throws Exception {
        var d = new Observation.Detection(Fixture.CAM, Fixture.T0, GeoPoint.of(39.81, 46.75), 30, ObjectClass.APC,
                0.8, Optional.empty(), 0, 3, Optional.of("cam-trk-5"));
        publish("TR/TR-CAM-01/detections", TruceJson.mapper().writeValueAsString(d));
        await("detection", () -> !fx.accepted(Observation.Detection.class).isEmpty());
        assertThat(fx.accepted(Observation.Detection.class).getFirst()).isEqualTo(d);
    }

    @Test
    void hostileMessagesAreCountedAndTheSubscriptionKeepsServing() {
        publish("TR/TR-OBS-01/telemetry", "{not json");
        await("malformed", () -> fx.rejected("mqtt", Reasons.MALFORMED) == 1);
        publish("TR/TR-OBS-01/telemetry", "{\"time\":\"2020-11-14T08:00:00Z\",\"lat\":NaN,\"lon\":47}");
        await("NaN is not JSON", () -> fx.rejected("mqtt", Reasons.MALFORMED) == 2);
        publish("TR/TR-OBS-01/telemetry", "{\"time\":\"2020-11-14T08:00:00Z\",\"lat\":1e400,\"lon\":47}");
        await("infinite", () -> fx.rejected("mqtt", Reasons.NOT_FINITE) == 1);
        publish("TR/TR-OBS-01/telemetry", "{\"time\":\"2020-11-14T08:00:00Z\",\"lat\":91,\"lon\":47}");
        await("range", () -> fx.rejected("mqtt", Reasons.COORDINATE_RANGE) == 1);
        publish("TR/TR-OBS-01/telemetry", "{\"time\":\"2020-11-14T08:00:00Z\",\"lat\":39.9,\"lon\":47,\"alt\":99999}");
        await("altitude", () -> fx.rejected("mqtt", Reasons.ALTITUDE_RANGE) == 1);
        publish("TR/XX-OBS-99/telemetry", "{\"time\":\"2020-11-14T08:00:00Z\",\"lat\":39.9,\"lon\":47}");
        await("unknown asset", () -> fx.rejected("mqtt", Reasons.UNKNOWN_ASSET) == 1);
        publish("RU/TR-OBS-01/telemetry", "{\"time\":\"2020-11-14T08:00:00Z\",\"lat\":39.9,\"lon\":47}");
        await("wrong contingent", () -> fx.rejected("mqtt", Reasons.TOPIC_MISMATCH) == 1);
        publish("TR/TR-OBS-01/telemetry", "{\"time\":\"2020-11-12T08:00:00Z\",\"lat\":39.9,\"lon\":47}");
        await("stale", () -> fx.rejected("mqtt", Reasons.STALE) == 1);
        publish("TR/TR-OBS-01/telemetry", "{\"time\":\"2020-11-14T09:00:00Z\",\"lat\":39.9,\"lon\":47}");
        await("future", () -> fx.rejected("mqtt", Reasons.FUTURE) == 1);
        publish("TR/TR-OBS-01/telemetry", "{\"pad\":\"" + "x".repeat(70_000) + "\"}");
        await("oversize", () -> fx.rejected("mqtt", Reasons.OVERSIZE) == 1);
        var fix = (com.fasterxml.jackson.databind.node.ObjectNode) TruceJson.mapper().valueToTree(
                new Observation.PlatformFix(Fixture.OBS, Fixture.T0, GeoPoint.of(39.9, 47), 600, 4, 0, 0));
        fix.put("cepM", -3);
        publish("TR/TR-OBS-01/telemetry", fix.toString());
        await("invalid value", () -> fx.rejected("mqtt", Reasons.INVALID_VALUE) == 1);
        assertThat(fx.accepted()).isEmpty();
        publish("TR/TR-OBS-01/telemetry", "{\"time\":\"2020-11-14T08:00:00Z\",\"lat\":39.9,\"lon\":47}");
        await("good one after", () -> fx.accepted().size() == 1);
    }

    @Test
    void aMessageIsAcknowledgedOnlyOnceDurableSoAFailedStoreGetsItAgain() {
        adapter.stop();
        AtomicInteger calls = new AtomicInteger();
        // a center whose store fails on the first append
        IngestGate failingOnce = new IngestGate((channel, o) -> {
            if (calls.incrementAndGet() == 1) throw new IllegalStateException("disk full");
            return fx.center.accept(channel, o);
        }, new ObservationValidator(fx.store.assets(), fx.clock, ValidationLimits.defaults()),
                new IngestMetrics(fx.center.rejections()), true);
        MqttSettings settings = MqttSettings.defaults().withClient("center-" + prefix, prefix);
        adapter = new MqttAdapter(failingOnce, settings);
        adapter.start(HOST, PORT);
        publish("TR/TR-OBS-01/telemetry", "{\"time\":\"2020-11-14T08:00:00Z\",\"lat\":39.9,\"lon\":47}");
        await("first delivery fails", () -> calls.get() == 1);
        assertThat(fx.accepted()).isEmpty();
        // the center restarts: same client id, the broker's session still holds the unacknowledged message
        adapter.stop();
        adapter = new MqttAdapter(failingOnce, settings);
        adapter.start(HOST, PORT);
        await("redelivered and accepted", () -> fx.accepted().size() == 1);
        assertThat(calls.get()).isEqualTo(2);
    }

    @Test
    void noBrokerIsAClearError() {
        var lonely = new MqttAdapter(fx.gate, MqttSettings.defaults().withClient("lonely-" + prefix, prefix)
                .withConnectTimeout(java.time.Duration.ofSeconds(1)));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> lonely.start("127.0.0.1", 1))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("127.0.0.1:1 does not answer");
    }
}
