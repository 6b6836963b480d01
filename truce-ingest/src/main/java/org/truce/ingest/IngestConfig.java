package org.truce.ingest;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import javax.net.ssl.SSLContext;
import org.truce.ingest.klv.KlvSettings;
import org.truce.ingest.mavlink.MavlinkSettings;
import org.truce.ingest.mqtt.MqttSettings;
import org.truce.ground.AssetId;

/**
 * Which sensor adapters {@link Ingest} runs and where. An empty port switches an adapter off. Every default is in
 * docs/sensors.md.
 *
 * @param mavlinkPort UDP port for MAVLink (default 14550)
 * @param cotTcpPort  TCP port for CoT XML and the TAK protocol (default 8087)
 * @param cotUdpPort  UDP port for CoT (default 8087)
 * @param cotTls      TLS listener for CoT (TAK's 8089), when the center has a certificate
 * @param cotAliases  CoT uid or callsign → asset id
 * @param mqtt        the broker to subscribe to, if any
 * @param klvFeeds    one UDP port per MISB KLV feed
 */
public record IngestConfig(ValidationLimits limits, OptionalInt mavlinkPort, MavlinkSettings mavlink,
                           OptionalInt cotTcpPort, OptionalInt cotUdpPort, Optional<Tls> cotTls,
                           Map<String, AssetId> cotAliases, Optional<Mqtt> mqtt, List<KlvFeed> klvFeeds) {
    public IngestConfig {
        Objects.requireNonNull(limits); Objects.requireNonNull(mavlinkPort); Objects.requireNonNull(mavlink);
        Objects.requireNonNull(cotTcpPort); Objects.requireNonNull(cotUdpPort); Objects.requireNonNull(cotTls);
        cotAliases = Map.copyOf(cotAliases);
        Objects.requireNonNull(mqtt);
        klvFeeds = List.copyOf(klvFeeds);
    }

    /** MAVLink on 14550, CoT on TCP and UDP 8087; no TLS, MQTT or KLV. */
    public static IngestConfig defaults() {
        return new IngestConfig(ValidationLimits.defaults(), OptionalInt.of(14550), MavlinkSettings.defaults(),
                OptionalInt.of(8087), OptionalInt.of(8087), Optional.empty(), Map.of(), Optional.empty(), List.of());
    }

    /** @param port default 8089 */
    public record Tls(int port, SSLContext context, boolean needClientAuth) {
        public Tls {
            Objects.requireNonNull(context);
        }
    }

    public record Mqtt(String host, int port, MqttSettings settings) {
        public Mqtt {
            Objects.requireNonNull(host); Objects.requireNonNull(settings);
        }
    }

    public record KlvFeed(int port, KlvSettings settings) {
        public KlvFeed {
            Objects.requireNonNull(settings);
        }
    }

    /** How often {@link Ingest} lets asset health notice silence (1 s). */
    static final Duration HEALTH_TICK = Duration.ofSeconds(1);
}
