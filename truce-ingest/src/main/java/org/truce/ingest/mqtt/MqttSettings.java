package org.truce.ingest.mqtt;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Where and how the MQTT adapter subscribes.
 *
 * @param clientId       the client id; keep it stable so the broker keeps the session (and unacknowledged
 *                       messages) across restarts (default {@code truce-center})
 * @param topicPrefix    first level of the topic tree {@code <prefix>/<contingent>/<asset>/telemetry|detections}
 *                       (default {@code truce})
 * @param sessionExpiry  how long the broker keeps the session while the center is away (default 1 h)
 * @param defaultCepM    CEP for simple telemetry without a {@code cep} field (default 10 m)
 * @param connectTimeout how long {@code start} waits for the broker's first answer (default 10 s)
 */
public record MqttSettings(String clientId, String topicPrefix, Optional<String> username, Optional<String> password,
                           Duration sessionExpiry, double defaultCepM, Duration connectTimeout) {
    public MqttSettings {
        Objects.requireNonNull(clientId); Objects.requireNonNull(topicPrefix);
        Objects.requireNonNull(username); Objects.requireNonNull(password); Objects.requireNonNull(sessionExpiry);
        Objects.requireNonNull(connectTimeout);
        if (topicPrefix.isBlank() || topicPrefix.contains("+") || topicPrefix.contains("#")) {
            throw new IllegalArgumentException("topicPrefix must be a plain topic level path, was '" + topicPrefix + "'");
        }
        if (!(defaultCepM >= 0)) throw new IllegalArgumentException("defaultCepM must be >= 0");
    }

    public static MqttSettings defaults() {
        return new MqttSettings("truce-center", "truce", Optional.empty(), Optional.empty(), Duration.ofHours(1), 10, Duration.ofSeconds(10));
    }

    public MqttSettings withConnectTimeout(Duration timeout) {
        return new MqttSettings(clientId, topicPrefix, username, password, sessionExpiry, defaultCepM, timeout);
    }

    public MqttSettings withClient(String clientId, String topicPrefix) {
        return new MqttSettings(clientId, topicPrefix, username, password, sessionExpiry, defaultCepM, connectTimeout);
    }
}
