package org.truce.ingest.klv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.truce.ingest.Fixture.await;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;
import org.jmisb.api.klv.st0601.CornerOffset;
import org.jmisb.api.klv.st0601.FrameCenterLatitude;
import org.jmisb.api.klv.st0601.FrameCenterLongitude;
import org.jmisb.api.klv.st0601.FullCornerLatitude;
import org.jmisb.api.klv.st0601.FullCornerLongitude;
import org.jmisb.api.klv.st0601.IUasDatalinkValue;
import org.jmisb.api.klv.st0601.NestedVmtiLocalSet;
import org.jmisb.api.klv.st0601.PlatformHeadingAngle;
import org.jmisb.api.klv.st0601.PrecisionTimeStamp;
import org.jmisb.api.klv.st0601.SensorLatitude;
import org.jmisb.api.klv.st0601.SensorLongitude;
import org.jmisb.api.klv.st0601.SensorTrueAltitude;
import org.jmisb.api.klv.st0601.UasDatalinkMessage;
import org.jmisb.api.klv.st0601.UasDatalinkString;
import org.jmisb.api.klv.st0601.UasDatalinkTag;
import org.jmisb.api.klv.st0903.IVmtiMetadataValue;
import org.jmisb.api.klv.st0903.VTargetSeries;
import org.jmisb.api.klv.st0903.VmtiLocalSet;
import org.jmisb.api.klv.st0903.VmtiMetadataKey;
import org.jmisb.api.klv.st0903.shared.LocationPack;
import org.jmisb.api.klv.st0903.vtarget.TargetConfidenceLevel;
import org.jmisb.api.klv.st0903.vtarget.TargetLocation;
import org.jmisb.api.klv.st0903.vtarget.VTargetMetadataKey;
import org.jmisb.api.klv.st0903.vtarget.VTargetPack;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.truce.ingest.Fixture;
import org.truce.ingest.Reasons;
import org.truce.sensing.Observation;

/** jmisb encodes ST 0601 sets (with nested ST 0903 VMTI) and sends them over real UDP. */
class KlvAdapterTest {
    // a 16 KiB frame limit, so that an oversized datagram still fits in UDP
    final Fixture fx = new Fixture(new org.truce.ingest.ValidationLimits(java.time.Duration.ofHours(24),
            java.time.Duration.ofSeconds(30), -500, 20_000, 16 * 1024));
    KlvAdapter adapter;
    DatagramSocket socket;

    @BeforeEach
    void start() throws IOException {
        adapter = new KlvAdapter(fx.gate, KlvSettings.defaults());
        adapter.start(0);
        socket = new DatagramSocket();
    }

    @AfterEach
    void stop() {
        adapter.stop();
        socket.close();
    }

    void send(byte[] b) throws IOException {
        socket.send(new DatagramPacket(b, b.length, InetAddress.getLoopbackAddress(), adapter.boundPort()));
    }

    static SortedMap<UasDatalinkTag, IUasDatalinkValue> base(String tail, Instant t, double lat, double lon) {
        SortedMap<UasDatalinkTag, IUasDatalinkValue> v = new TreeMap<>();
        v.put(UasDatalinkTag.PrecisionTimeStamp, new PrecisionTimeStamp(t.toEpochMilli() * 1000));
        v.put(UasDatalinkTag.PlatformTailNumber, new UasDatalinkString(UasDatalinkString.PLATFORM_TAIL_NUMBER, tail));
        v.put(UasDatalinkTag.PlatformHeadingAngle, new PlatformHeadingAngle(45));
        v.put(UasDatalinkTag.SensorLatitude, new SensorLatitude(lat));
        v.put(UasDatalinkTag.SensorLongitude, new SensorLongitude(lon));
        v.put(UasDatalinkTag.SensorTrueAltitude, new SensorTrueAltitude(1500));
        return v;
    }

    static byte[] frame(SortedMap<UasDatalinkTag, IUasDatalinkValue> v) {
        return new UasDatalinkMessage(v).frameMessage(false);
    }

    @Test
    void sensorPositionCornersAndVmtiTargetsBecomeObservations() throws IOException {
        var v = base("RU-UAV-01", Fixture.T0.minusSeconds(1), 39.80, 46.70);
        v.put(UasDatalinkTag.CornerLatPt1, new FullCornerLatitude(39.83, FullCornerLatitude.CORNER_LAT_1));
        v.put(UasDatalinkTag.CornerLonPt1, new FullCornerLongitude(46.71, FullCornerLongitude.CORNER_LON_1));
        v.put(UasDatalinkTag.CornerLatPt2, new FullCornerLatitude(39.83, FullCornerLatitude.CORNER_LAT_2));
        v.put(UasDatalinkTag.CornerLonPt2, new FullCornerLongitude(46.73, FullCornerLongitude.CORNER_LON_2));
        v.put(UasDatalinkTag.CornerLatPt3, new FullCornerLatitude(39.81, FullCornerLatitude.CORNER_LAT_3));
        v.put(UasDatalinkTag.CornerLonPt3, new FullCornerLongitude(46.73, FullCornerLongitude.CORNER_LON_3));
        v.put(UasDatalinkTag.CornerLatPt4, new FullCornerLatitude(39.81, FullCornerLatitude.CORNER_LAT_4));
        v.put(UasDatalinkTag.CornerLonPt4, new FullCornerLongitude(46.71, FullCornerLongitude.CORNER_LON_4));
        Map<VTargetMetadataKey, IVmtiMetadataValue> target = new TreeMap<>();
        target.put(VTargetMetadataKey.TargetLocation, new TargetLocation(new LocationPack(39.82, 46.72, 600.0, 8.0, 6.0, 5.0)));
        target.put(VTargetMetadataKey.TargetConfidenceLevel, new TargetConfidenceLevel((short) 80));
        Map<VmtiMetadataKey, IVmtiMetadataValue> vmti = new TreeMap<>();
        vmti.put(VmtiMetadataKey.VTargetSeries, new VTargetSeries(List.of(new VTargetPack(17, target))));
        v.put(UasDatalinkTag.VmtiLocalDataSet, new NestedVmtiLocalSet(new VmtiLocalSet(vmti)));
        send(frame(v));
        await("three observations", () -> fx.accepted().size() == 3);

        var fix = fx.accepted(Observation.PlatformFix.class).getFirst();
        assertThat(fix.asset()).isEqualTo(Fixture.UAV);
        assertThat(fix.time()).isEqualTo(Fixture.T0.minusSeconds(1));
        assertThat(fix.position().lat()).isCloseTo(39.80, within(1e-6));
        assertThat(fix.altitudeM()).isCloseTo(1500, within(1.0));
        assertThat(fix.headingDeg()).isCloseTo(45, within(0.01));
        var fp = fx.accepted(Observation.Footprint.class).getFirst();
        assertThat(fp.ring()).hasSize(5);
        assertThat(fp.ring().get(1).lon()).isCloseTo(46.73, within(1e-6));
        var d = fx.accepted(Observation.Detection.class).getFirst();
        assertThat(d.sensorTrackId()).contains("vmti-17");
        assertThat(d.position().lat()).isCloseTo(39.82, within(1e-5));
        assertThat(d.classConfidence()).isEqualTo(0.8);
        assertThat(d.cepM()).isCloseTo(1.1774 * Math.sqrt((64 + 36) / 2.0), within(0.1));
        assertThat(fx.store.observations().read(1, 1).getFirst().channel()).isEqualTo("klv");
    }

    @Test
    void frameCentrePlusCornerOffsetsGiveTheFootprint() throws IOException {
        var v = base("RU-UAV-01", Fixture.T0, 39.80, 46.70);
        v.put(UasDatalinkTag.FrameCenterLatitude, new FrameCenterLatitude(39.82));
        v.put(UasDatalinkTag.FrameCenterLongitude, new FrameCenterLongitude(46.72));
        double[][] off = {{0.01, -0.01}, {0.01, 0.01}, {-0.01, 0.01}, {-0.01, -0.01}};
        UasDatalinkTag[][] tags = {
                {UasDatalinkTag.OffsetCornerLatitudePoint1, UasDatalinkTag.OffsetCornerLongitudePoint1},
                {UasDatalinkTag.OffsetCornerLatitudePoint2, UasDatalinkTag.OffsetCornerLongitudePoint2},
                {UasDatalinkTag.OffsetCornerLatitudePoint3, UasDatalinkTag.OffsetCornerLongitudePoint3},
                {UasDatalinkTag.OffsetCornerLatitudePoint4, UasDatalinkTag.OffsetCornerLongitudePoint4}};
        String[][] names = {{CornerOffset.CORNER_LAT_1, CornerOffset.CORNER_LON_1}, {CornerOffset.CORNER_LAT_2, CornerOffset.CORNER_LON_2},
                {CornerOffset.CORNER_LAT_3, CornerOffset.CORNER_LON_3}, {CornerOffset.CORNER_LAT_4, CornerOffset.CORNER_LON_4}};
        for (int i = 0; i < 4; i++) {
            v.put(tags[i][0], new CornerOffset(off[i][0], names[i][0]));
            v.put(tags[i][1], new CornerOffset(off[i][1], names[i][1]));
        }
        send(frame(v));
        await("footprint", () -> !fx.accepted(Observation.Footprint.class).isEmpty());
        var fp = fx.accepted(Observation.Footprint.class).getFirst();
        assertThat(fp.ring().getFirst().lat()).isCloseTo(39.83, within(1e-4));
        assertThat(fp.ring().get(2).lon()).isCloseTo(46.73, within(1e-4));
    }

    @Test
    void everySetOfADatagramCountsNotTheFirstOnly() throws IOException {
        byte[] a = frame(base("RU-UAV-01", Fixture.T0.minusSeconds(3), 39.80, 46.70));
        byte[] b = frame(base("RU-UAV-01", Fixture.T0.minusSeconds(2), 39.81, 46.71));
        byte[] c = frame(base("RU-UAV-01", Fixture.T0.minusSeconds(1), 39.82, 46.72));
        java.io.ByteArrayOutputStream datagram = new java.io.ByteArrayOutputStream();
        datagram.writeBytes(a);
        datagram.writeBytes(b);
        datagram.writeBytes(c);
        send(datagram.toByteArray());
        await("three fixes", () -> fx.accepted().size() == 3);
        var fixes = fx.accepted(Observation.PlatformFix.class);
        assertThat(fixes).extracting(Observation::time).containsExactly(Fixture.T0.minusSeconds(3),
                Fixture.T0.minusSeconds(2), Fixture.T0.minusSeconds(1));
        assertThat(fixes.get(2).position().lat()).isCloseTo(39.82, within(1e-6));

        // A set cut short after whole ones: the datagram is refused, as jmisb refuses a short set.
        byte[] cut = java.util.Arrays.copyOf(datagram.toByteArray(), a.length + b.length + 5);
        send(cut);
        await("cut", () -> fx.rejected("klv", Reasons.MALFORMED) == 1);
        assertThat(fx.accepted()).hasSize(3);
    }

    @Test
    void hostileKlvIsCountedAndTheListenerKeepsServing() throws IOException {
        byte[] noise = new byte[500];
        new Random(3).nextBytes(noise);
        send(noise);
        await("noise", () -> fx.rejected("klv", Reasons.MALFORMED) == 1);
        byte[] good = frame(base("RU-UAV-01", Fixture.T0, 39.8, 46.7));
        send(java.util.Arrays.copyOf(good, good.length - 7));
        await("truncated", () -> fx.rejected("klv", Reasons.MALFORMED) == 2);
        byte[] corrupt = good.clone();
        corrupt[corrupt.length - 10] ^= 0x55; // checksum no longer matches
        send(corrupt);
        await("bad checksum", () -> fx.rejected("klv", Reasons.MALFORMED) == 3);
        send(new byte[20_000]);
        await("oversize", () -> fx.rejected("klv", Reasons.OVERSIZE) == 1);
        send(frame(base("XX-UAV-99", Fixture.T0, 39.8, 46.7)));
        await("unknown", () -> fx.rejected("klv", Reasons.UNKNOWN_ASSET) == 1);
        send(frame(base("RU-UAV-01", Fixture.T0.minusSeconds(3 * 86400), 39.8, 46.7)));
        await("stale", () -> fx.rejected("klv", Reasons.STALE) == 1);
        send(frame(base("RU-UAV-01", Fixture.T0.plusSeconds(3600), 39.8, 46.7)));
        await("future", () -> fx.rejected("klv", Reasons.FUTURE) == 1);
        assertThat(fx.accepted()).isEmpty();
        send(good);
        await("good after", () -> fx.accepted().size() == 1);
    }
}
