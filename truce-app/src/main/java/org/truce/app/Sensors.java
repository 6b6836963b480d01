package org.truce.app;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.truce.ingest.IngestConfig;
import org.truce.ingest.ValidationLimits;
import org.truce.ingest.klv.KlvSettings;
import org.truce.ingest.mavlink.MavlinkSettings;
import org.truce.ingest.mqtt.MqttSettings;

/** Turns the {@code ingest.*} settings into the sensor adapters' configuration (docs/sensors.md). */
final class Sensors {
    private Sensors() {}

    static IngestConfig config(Settings s) {
        ValidationLimits limits = ValidationLimits.defaults()
                .withSkew(s.duration("ingest.max-past-skew"), s.duration("ingest.max-future-skew"));
        String mqttHost = s.string("ingest.mqtt.host");
        Optional<IngestConfig.Mqtt> mqtt = mqttHost.isBlank() ? Optional.empty()
                : Optional.of(new IngestConfig.Mqtt(mqttHost, s.integer("ingest.mqtt.port", 1, 65535),
                        withPrefix(MqttSettings.defaults(), s.string("ingest.mqtt.topic-prefix"),
                                s.string("ingest.mqtt.client-id"))));
        List<IngestConfig.KlvFeed> klv = s.port("ingest.klv.port").stream()
                .mapToObj(p -> new IngestConfig.KlvFeed(p, KlvSettings.defaults())).toList();
        return new IngestConfig(limits, s.port("ingest.mavlink.port"), MavlinkSettings.defaults(),
                s.port("ingest.cot.tcp-port"), s.port("ingest.cot.udp-port"), Optional.empty(), Map.of(), mqtt, klv);
    }

    private static MqttSettings withPrefix(MqttSettings d, String prefix, String clientId) {
        if (clientId.isBlank()) throw new UserError("ingest.mqtt.client-id must not be empty");
        if (prefix.isBlank() || prefix.contains("/") || prefix.contains("#") || prefix.contains("+")) {
            throw new UserError("ingest.mqtt.topic-prefix '" + prefix + "' must be one topic level (no '/', '#', '+')");
        }
        return new MqttSettings(clientId, prefix, d.username(), d.password(), d.sessionExpiry(), d.defaultCepM(),
                d.connectTimeout());
    }
}
