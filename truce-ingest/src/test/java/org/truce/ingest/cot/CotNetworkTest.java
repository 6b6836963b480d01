package org.truce.ingest.cot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.truce.ingest.Fixture.await;
import static org.truce.ingest.cot.CotSamples.bytes;

import com.google.protobuf.CodedInputStream;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.truce.ingest.Fixture;
import org.truce.ingest.Reasons;
import org.truce.ground.AssetId;
import org.truce.ground.ObjectClass;
import org.truce.sensing.Observation;

/** Real TCP and UDP sockets speaking CoT XML and the TAK protocol to the listeners. */
class CotNetworkTest {
    final Fixture fx = new Fixture();
    CotTcpServer tcp;
    CotUdpListener udp;

    @BeforeEach
    void start() {
        CotIngest ingest = new CotIngest(fx.gate, new CotMapper(fx.gate.validator(),
                Map.of("ANDROID-0123456789", Fixture.OBS)));
        tcp = new CotTcpServer(ingest, fx.clock);
        fx.center.addListener(new CotOut(tcp, fx.center.agreement(), fx.store.assets(), fx.clock,
                Duration.ofHours(1), Duration.ofSeconds(30)));
        tcp.start(0);
        udp = new CotUdpListener(ingest);
        udp.start(0);
    }

    @AfterEach
    void stop() {
        tcp.stop();
        udp.stop();
    }

    /** Reads CoT XML events one by one from a stream. */
    static String readXmlEvent(InputStream in) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        while (!buf.toString(StandardCharsets.UTF_8).endsWith("</event>")) {
            int b = in.read();
            if (b < 0) throw new IOException("closed after " + buf);
            buf.write(b);
        }
        return buf.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aDetectionOverTcpBecomesADetectionObservation() throws IOException {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), tcp.boundPort())) {
            s.getOutputStream().write(bytes(CotSamples.detection("cam01-trk-17", Fixture.T0.minusSeconds(2), 39.81, 46.75)));
            await("detection", () -> !fx.accepted(Observation.Detection.class).isEmpty());
        }
        var d = fx.accepted(Observation.Detection.class).getFirst();
        assertThat(d.asset()).isEqualTo(Fixture.CAM);
        assertThat(d.sensorTrackId()).contains("cam01-trk-17");
        assertThat(d.objectClass()).isEqualTo(ObjectClass.TANK);
        assertThat(d.cepM()).isCloseTo(25 * 1.1774 / 2.1460, within(1e-9));
        assertThat(d.side()).map(p -> p.value()).contains("AZ");
        assertThat(d.count()).isEqualTo(2);
        assertThat(d.time()).isEqualTo(Fixture.T0.minusSeconds(2));
    }

    @Test
    void aTakDeviceReportingItselfBecomesAFixOfItsAsset() throws IOException {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), tcp.boundPort())) {
            s.getOutputStream().write(bytes(CotSamples.selfReport(Fixture.T0, 39.9325, 47.0617)));
            await("fix", () -> !fx.accepted(Observation.PlatformFix.class).isEmpty());
        }
        var f = fx.accepted(Observation.PlatformFix.class).getFirst();
        assertThat(f.asset()).isEqualTo(Fixture.OBS);
        assertThat(f.headingDeg()).isEqualTo(90);
        assertThat(f.speedMps()).isEqualTo(1.5);
        assertThat(f.cepM()).as("unknown ce → the sensor range").isEqualTo(100);
    }

    @Test
    void hostileTcpInputIsCountedAndTheConnectionKeepsServing() throws IOException {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), tcp.boundPort())) {
            OutputStream out = s.getOutputStream();
            out.write(bytes(CotSamples.XXE));
            await("xxe", () -> fx.rejected("cot", Reasons.FORBIDDEN_DTD) == 1);
            out.write(bytes(CotSamples.BILLION_LAUGHS));
            await("laughs", () -> fx.rejected("cot", Reasons.FORBIDDEN_DTD) == 2);
            byte[] noise = new byte[3000];
            new Random(7).nextBytes(noise);
            out.write(noise);
            out.write(bytes(CotSamples.detection("after-noise", Fixture.T0, 39.81, 46.75)));
            await("noise skipped, event kept", () -> fx.rejected("cot", Reasons.MALFORMED) == 1
                    && fx.accepted(Observation.Detection.class).size() == 1);
            out.write(bytes("<event uid=\"big\" type=\"a-h-G\"><detail><remarks>" + "x".repeat(70_000) + "</remarks></detail></event>"));
            await("oversize", () -> fx.rejected("cot", Reasons.OVERSIZE) == 1);
            String good = CotSamples.detection("trk", Fixture.T0, 39.81, 46.75);
            out.write(bytes(good.substring(0, 200) + "</event>"));
            await("truncated", () -> fx.rejected("cot", Reasons.MALFORMED) == 2);
            out.write(bytes(CotSamples.detection("nan", Fixture.T0, "NaN", "46.75", "TR-CAM-01")));
            await("nan", () -> fx.rejected("cot", Reasons.NOT_FINITE) == 1);
            out.write(bytes(CotSamples.detection("range", Fixture.T0, "39.8", "190", "TR-CAM-01")));
            await("range", () -> fx.rejected("cot", Reasons.COORDINATE_RANGE) == 1);
            out.write(bytes(CotSamples.detection("who", Fixture.T0, "39.8", "46.7", "XX-CAM-99")));
            await("unknown asset", () -> fx.rejected("cot", Reasons.UNKNOWN_ASSET) == 1);
            out.write(bytes(CotSamples.detection("who", Fixture.T0, 39.8, 46.7)
                    .replace("<link uid=\"TR-CAM-01\" relation=\"p-p\" type=\"a-f-G-E-S\"/>", "")));
            await("unknown sender", () -> fx.rejected("cot", Reasons.UNKNOWN_SENDER) == 1);
            out.write(bytes(CotSamples.detection("old", Fixture.T0.minus(Duration.ofDays(2)), 39.8, 46.7)));
            await("stale", () -> fx.rejected("cot", Reasons.STALE) == 1);
            out.write(bytes(CotSamples.detection("new", Fixture.T0.plusSeconds(600), 39.8, 46.7)));
            await("future", () -> fx.rejected("cot", Reasons.FUTURE) == 1);
            out.write(bytes(CotSamples.detection("good", Fixture.T0, 39.81, 46.75)));
            await("good after all that", () -> fx.accepted(Observation.Detection.class).size() == 2);
        }
        assertThat(fx.accepted(Observation.Detection.class)).extracting(d -> d.sensorTrackId().orElseThrow())
                .containsExactly("after-noise", "good");
    }

    @Test
    void udpCarriesXmlAndTakMeshDatagrams() throws IOException {
        try (DatagramSocket s = new DatagramSocket()) {
            byte[] xml = bytes(CotSamples.detection("udp-xml", Fixture.T0, 39.81, 46.75));
            s.send(new DatagramPacket(xml, xml.length, InetAddress.getLoopbackAddress(), udp.boundPort()));
            CotEvent e = new CotEvent("udp-tak", "a-h-G-E-V-A-A", "m-i", Fixture.T0, Fixture.T0, Fixture.T0.plusSeconds(60),
                    39.82, 46.76, 600, 40, 10, CotEvent.Detail.ofXml("<link uid=\"TR-CAM-01\" relation=\"p-p\"/>"));
            byte[] mesh = TakProto.meshDatagram(TakProto.encode(e));
            s.send(new DatagramPacket(mesh, mesh.length, InetAddress.getLoopbackAddress(), udp.boundPort()));
            await("both", () -> fx.accepted(Observation.Detection.class).size() == 2);
            byte[] noise = {(byte) 0xBF, 1, (byte) 0xBF, 0x12, 0x7F, 3};
            s.send(new DatagramPacket(noise, noise.length, InetAddress.getLoopbackAddress(), udp.boundPort()));
            s.send(new DatagramPacket(bytes(CotSamples.XXE), bytes(CotSamples.XXE).length,
                    InetAddress.getLoopbackAddress(), udp.boundPort()));
            await("counted", () -> fx.rejected("cot", Reasons.MALFORMED) == 1
                    && fx.rejected("cot", Reasons.FORBIDDEN_DTD) == 1);
            s.send(new DatagramPacket(xml, xml.length, InetAddress.getLoopbackAddress(), udp.boundPort()));
            await("still serving", () -> fx.accepted(Observation.Detection.class).size() == 3);
        }
        assertThat(fx.accepted(Observation.Detection.class).get(1).objectClass()).isEqualTo(ObjectClass.APC);
    }

    @Test
    void aTakClientNegotiatesSendsADetectionAndReceivesTheIncident() throws IOException {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), tcp.boundPort());
             Socket plain = new Socket(InetAddress.getLoopbackAddress(), tcp.boundPort())) {
            InputStream in = new BufferedInputStream(s.getInputStream());
            OutputStream out = s.getOutputStream();
            String offer = readXmlEvent(in);
            assertThat(offer).contains("type=\"t-x-takp-v\"").contains("<TakProtocolSupport version=\"1\"/>");
            String zone = readXmlEvent(in);
            assertThat(zone).contains("type=\"u-d-f\"").contains("uid=\"zone-center-premises\"")
                    .contains("<link point=\"39.931000,47.060000\"/>");
            out.write(bytes("<event version=\"2.0\" uid=\"ANDROID-1\" type=\"t-x-takp-q\" how=\"m-g\" "
                    + "time=\"" + Fixture.T0 + "\" start=\"" + Fixture.T0 + "\" stale=\"" + Fixture.T0.plusSeconds(60)
                    + "\"><point lat=\"0\" lon=\"0\" hae=\"0\" ce=\"9999999\" le=\"9999999\"/><detail><TakControl>"
                    + "<TakRequest version=\"1\"/></TakControl></detail></event>"));
            String response = readXmlEvent(in);
            assertThat(response).contains("type=\"t-x-takp-r\"").contains("<TakResponse status=\"true\"/>");
            await("negotiated", () -> tcp.clients().get("tak") == 1 && tcp.clients().get("xml") == 1);

            CotEvent detection = new CotEvent("cam01-trk-42", "a-h-G-E-V-A-T", "m-i", Fixture.T0, Fixture.T0,
                    Fixture.T0.plusSeconds(300), 39.81, 46.75, 600, 20, 10,
                    CotEvent.Detail.ofXml("<link uid=\"TR-CAM-01\" relation=\"p-p\"/><_truce classConfidence=\"0.9\"/>"));
            out.write(TakProto.frame(TakProto.encode(detection)));

            assertThat(in.read()).isEqualTo(TakProto.MAGIC);
            int length = CodedInputStream.readRawVarint32(in.read(), in);
            CotEvent incident = TakProto.decode(in.readNBytes(length)).orElseThrow();
            assertThat(incident.uid()).isEqualTo("INC-2020-11-14-0001");
            assertThat(incident.type()).isEqualTo("b-m-p-s-p-i");
            assertThat(incident.lat()).isEqualTo(39.81);
            assertThat(incident.detail().remarks()).hasValueSatisfying(r -> assertThat(r).contains("p1-ceasefire"));

            InputStream plainIn = new BufferedInputStream(plain.getInputStream());
            readXmlEvent(plainIn);
            readXmlEvent(plainIn);
            assertThat(readXmlEvent(plainIn)).contains("uid=\"INC-2020-11-14-0001\"");

            // garbage inside the TAK stream is skipped up to the next frame
            out.write(new byte[] {1, 2, 3});
            out.write(new byte[] {(byte) 0xBF, 0x05, 0x12, 0x7F, 0, 0, 0});
            CotEvent second = new CotEvent("cam01-trk-43", "a-h-G-E-V-A-T", "m-i", Fixture.T0, Fixture.T0,
                    Fixture.T0.plusSeconds(300), 39.82, 46.75, 600, 20, 10,
                    CotEvent.Detail.ofXml("<link uid=\"TR-CAM-01\" relation=\"p-p\"/>"));
            out.write(TakProto.frame(TakProto.encode(second)));
            await("second detection", () -> fx.accepted(Observation.Detection.class).size() == 2);
            assertThat(fx.rejected("cot", Reasons.MALFORMED)).isEqualTo(2);
            // a frame declaring 100 000 bytes is refused and skipped whole; the next frame is read
            out.write(new byte[] {(byte) 0xBF, (byte) 0xA0, (byte) 0x8D, 0x06});
            out.write(new byte[100_000]);
            out.write(TakProto.frame(TakProto.encode(detection)));
            await("oversized frame skipped", () -> fx.rejected("cot", Reasons.OVERSIZE) == 1
                    && fx.accepted(Observation.Detection.class).size() == 3);
        }
    }

    @Test
    void dronesAreSentToClientsAsCot() throws IOException {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), tcp.boundPort())) {
            InputStream in = new BufferedInputStream(s.getInputStream());
            readXmlEvent(in);
            readXmlEvent(in);
            fx.gate.submit("test", new Observation.PlatformFix(AssetId.of("RU-UAV-01"), Fixture.T0,
                    org.truce.geo.GeoPoint.of(39.8, 46.7), 1500, 5, 45, 30));
            String drone = readXmlEvent(in);
            assertThat(drone).contains("uid=\"RU-UAV-01\"").contains("type=\"a-f-A-M-F-Q\"")
                    .contains("<track course=\"45.0\" speed=\"30.0\"/>");
        }
    }
}
