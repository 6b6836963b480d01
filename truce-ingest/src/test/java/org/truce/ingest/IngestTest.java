package org.truce.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.truce.ingest.Fixture.await;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.truce.ingest.klv.KlvSettings;
import org.truce.ingest.mavlink.MavlinkSettings;
import org.truce.sensing.Observation;

/** The whole ingest side of a center on ephemeral ports. */
class IngestTest {
    static IngestConfig ephemeral() {
        return new IngestConfig(ValidationLimits.defaults(), OptionalInt.of(0), MavlinkSettings.defaults(),
                OptionalInt.of(0), OptionalInt.of(0), Optional.empty(), Map.of(), Optional.empty(),
                List.of(new IngestConfig.KlvFeed(0, KlvSettings.defaults())));
    }

    @Test
    void startsEveryConfiguredAdapterAndStopsThemAll() throws Exception {
        Fixture fx = new Fixture();
        try (Ingest ingest = Ingest.start(fx.center, ephemeral())) {
            assertThat(ingest.mavlink()).isPresent();
            assertThat(ingest.klv()).hasSize(1);
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), ingest.cotTcp().orElseThrow().boundPort())) {
                s.getOutputStream().write(("<event version=\"2.0\" uid=\"t1\" type=\"a-h-G\" how=\"m-i\" time=\""
                        + Fixture.T0 + "\" start=\"" + Fixture.T0 + "\" stale=\"" + Fixture.T0.plusSeconds(60)
                        + "\"><point lat=\"39.8\" lon=\"46.7\" hae=\"0\" ce=\"10\" le=\"10\"/><detail>"
                        + "<link uid=\"TR-CAM-01\" relation=\"p-p\"/></detail></event>").getBytes(StandardCharsets.UTF_8));
                await("detection", () -> fx.accepted(Observation.Detection.class).size() == 1);
            }
            await("camera online", () -> ingest.health().status(Fixture.CAM) == org.truce.sensing.health.AssetStatus.ONLINE);
            await("counted", () -> ingest.metrics().render().contains("truce_ingest_accepted_total{channel=\"cot\"} 1"));
            int udp = ingest.cotUdp().orElseThrow().boundPort();
            ingest.stop();
            try (DatagramSocket again = new DatagramSocket(udp)) {
                assertThat(again.getLocalPort()).as("the port is free after stop").isEqualTo(udp);
            }
        }
    }

    @Test
    void aPortInUseIsAClearErrorAndNothingIsLeftRunning() throws Exception {
        Fixture fx = new Fixture();
        try (DatagramSocket taken = new DatagramSocket(0)) {
            IngestConfig c = ephemeral();
            IngestConfig clash = new IngestConfig(c.limits(), OptionalInt.of(taken.getLocalPort()), c.mavlink(),
                    c.cotTcpPort(), c.cotUdpPort(), c.cotTls(), c.cotAliases(), c.mqtt(), c.klvFeeds());
            assertThatThrownBy(() -> Ingest.start(fx.center, clash))
                    .hasMessageContaining("UDP port " + taken.getLocalPort());
        }
    }
}
