package org.truce.ingest.mavlink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.truce.ingest.Fixture.await;

import io.dronefleet.mavlink.MavlinkConnection;
import io.dronefleet.mavlink.common.Attitude;
import io.dronefleet.mavlink.common.CameraImageCaptured;
import io.dronefleet.mavlink.common.GimbalDeviceAttitudeStatus;
import io.dronefleet.mavlink.common.GimbalDeviceFlags;
import io.dronefleet.mavlink.common.GlobalPositionInt;
import io.dronefleet.mavlink.common.MavOdidHorAcc;
import io.dronefleet.mavlink.common.OpenDroneIdLocation;
import io.dronefleet.mavlink.minimal.Heartbeat;
import io.dronefleet.mavlink.minimal.MavAutopilot;
import io.dronefleet.mavlink.minimal.MavState;
import io.dronefleet.mavlink.minimal.MavType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.truce.ingest.AssetHealthListener;
import org.truce.ingest.Fixture;
import org.truce.ingest.Reasons;
import org.truce.ingest.camera.Quaternion;
import org.truce.sensing.Observation;
import org.truce.sensing.health.AssetStatus;

/** A drone made of the dronefleet library sends MAVLink 2 over real UDP to the adapter. */
class MavlinkAdapterTest {
    // MAVLink packets are at most 280 bytes: a 4 KiB frame limit leaves room for several per datagram
    final Fixture fx = new Fixture(new org.truce.ingest.ValidationLimits(java.time.Duration.ofHours(24),
            java.time.Duration.ofSeconds(30), -500, 20_000, 4096));
    final AssetHealthListener health = new AssetHealthListener(fx.store.assets());
    MavlinkAdapter adapter;
    DatagramSocket socket;
    MavlinkConnection drone;

    @BeforeEach
    void start() throws IOException {
        fx.center.addListener(health);
        adapter = new MavlinkAdapter(fx.gate, health, MavlinkSettings.defaults());
        adapter.start(0);
        socket = new DatagramSocket();
        drone = MavlinkConnection.create(InputStream.nullInputStream(), new DatagramOut(Fixture.UAV_SYSTEM_ID));
    }

    @AfterEach
    void stop() {
        adapter.stop();
        socket.close();
    }

    /** Sends each packet dronefleet writes as one datagram. */
    final class DatagramOut extends OutputStream {
        private final ByteArrayOutputStream buf = new ByteArrayOutputStream();

        DatagramOut(int ignored) { }

        @Override public void write(int b) { buf.write(b); }

        @Override public void write(byte[] b, int off, int len) { buf.write(b, off, len); }

        @Override
        public void flush() {
            if (buf.size() == 0) return;
            raw(buf.toByteArray());
            buf.reset();
        }
    }

    void raw(byte[] bytes) {
        try {
            socket.send(new DatagramPacket(bytes, bytes.length, InetAddress.getLoopbackAddress(), adapter.boundPort()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void send(int systemId, Object payload) throws IOException {
        drone.send2(systemId, 1, payload); // dronefleet flushes after each packet: one datagram each
    }

    static GlobalPositionInt position(double lat, double lon) {
        return GlobalPositionInt.builder().timeBootMs(1000).lat((int) Math.round(lat * 1e7))
                .lon((int) Math.round(lon * 1e7)).alt(1_500_000).relativeAlt(1_000_000)
                .vx(1000).vy(-500).vz(0).hdg(33_000).build();
    }

    @Test
    void globalPositionBecomesAPlatformFixWithUnitsConverted() throws IOException {
        send(Fixture.UAV_SYSTEM_ID, position(39.81, 46.75));
        await("fix", () -> !fx.accepted(Observation.PlatformFix.class).isEmpty());
        var fix = fx.accepted(Observation.PlatformFix.class).getFirst();
        assertThat(fix.asset()).isEqualTo(Fixture.UAV);
        assertThat(fix.position().lat()).isCloseTo(39.81, within(1e-7));
        assertThat(fix.position().lon()).isCloseTo(46.75, within(1e-7));
        assertThat(fix.altitudeM()).isEqualTo(1500.0);
        assertThat(fix.headingDeg()).isEqualTo(330.0);
        assertThat(fix.speedMps()).isCloseTo(Math.hypot(10, 5), within(1e-9));
        assertThat(fix.time()).isEqualTo(Fixture.T0);
        assertThat(fx.store.observations().read(1, 10).getFirst().channel()).isEqualTo("mavlink");
    }

    @Test
    void systemTimeGivesTheDroneItsOwnTimeBaseUntilItReboots() throws IOException {
        // The drone booted 10 min before T0 and reports a position 5 s after its SYSTEM_TIME (the center's clock: T0).
        long bootMs = 600_000;
        send(Fixture.UAV_SYSTEM_ID, io.dronefleet.mavlink.common.SystemTime.builder()
                .timeUnixUsec(java.math.BigInteger.valueOf(Fixture.T0.toEpochMilli() * 1000)).timeBootMs(bootMs).build());
        send(Fixture.UAV_SYSTEM_ID, GlobalPositionInt.builder().timeBootMs(bootMs + 5_000).lat(398_100_000)
                .lon(467_500_000).alt(1_500_000).relativeAlt(1_000_000).hdg(0).build());
        await("timed fix", () -> fx.accepted(Observation.PlatformFix.class).size() == 1);
        assertThat(fx.accepted(Observation.PlatformFix.class).getFirst().time()).isEqualTo(Fixture.T0.plusSeconds(5));
        // time_boot_ms far behind the base: the drone rebooted, its time base is gone, reception time again
        send(Fixture.UAV_SYSTEM_ID, GlobalPositionInt.builder().timeBootMs(5_000).lat(398_100_000)
                .lon(467_500_000).alt(1_500_000).relativeAlt(1_000_000).hdg(0).build());
        await("reception-timed fix", () -> fx.accepted(Observation.PlatformFix.class).size() == 2);
        assertThat(fx.accepted(Observation.PlatformFix.class).get(1).time()).isEqualTo(Fixture.T0);
    }

    @Test
    void attitudeAndTheCameraFieldOfViewGiveAGroundFootprint() throws IOException {
        send(Fixture.UAV_SYSTEM_ID, Attitude.builder().roll(0).pitch(0).yaw(0).build());
        send(Fixture.UAV_SYSTEM_ID, position(39.81, 46.75));
        await("footprint", () -> !fx.accepted(Observation.Footprint.class).isEmpty());
        var fp = fx.accepted(Observation.Footprint.class).getFirst();
        // level flight, camera straight down at 1000 m, 60°×40° FOV: 1155 m × 728 m centred under the drone
        assertThat(fp.ring()).hasSize(5);
        double latSpan = fp.ring().stream().mapToDouble(p -> p.lat()).max().getAsDouble()
                - fp.ring().stream().mapToDouble(p -> p.lat()).min().getAsDouble();
        double lonSpan = fp.ring().stream().mapToDouble(p -> p.lon()).max().getAsDouble()
                - fp.ring().stream().mapToDouble(p -> p.lon()).min().getAsDouble();
        double northM = latSpan * 111_195, eastM = lonSpan * 111_195 * Math.cos(Math.toRadians(39.81));
        // the boresight (camera x) points down; image "right" (camera y) stays east, image "down" points south
        assertThat(eastM).isCloseTo(2 * 1000 * Math.tan(Math.toRadians(30)), within(2.0));
        assertThat(northM).isCloseTo(2 * 1000 * Math.tan(Math.toRadians(20)), within(2.0));
        assertThat(fp.detectionProbability()).isEqualTo(0.8);
    }

    @Test
    void aGimbalPointingForwardIsClippedToTheSensorRange() throws IOException {
        // gimbal pitched 10° down, yaw in earth frame pointing north: upper corners run past the horizon
        var q = Quaternion.fromEuler(0, Math.toRadians(-10), 0);
        send(Fixture.UAV_SYSTEM_ID, GimbalDeviceAttitudeStatus.builder()
                .flags(GimbalDeviceFlags.GIMBAL_DEVICE_FLAGS_YAW_LOCK)
                .q(List.of((float) q.w(), (float) q.x(), (float) q.y(), (float) q.z())).build());
        send(Fixture.UAV_SYSTEM_ID, position(39.81, 46.75));
        await("footprint", () -> !fx.accepted(Observation.Footprint.class).isEmpty());
        var fp = fx.accepted(Observation.Footprint.class).getFirst();
        double maxNorthM = fp.ring().stream().mapToDouble(p -> (p.lat() - 39.81) * 111_195).max().getAsDouble();
        assertThat(maxNorthM).isLessThanOrEqualTo(3000.5).isGreaterThan(2000);
        assertThat(fp.ring().stream().mapToDouble(p -> p.lat()).min().getAsDouble()).isGreaterThan(39.81);
    }

    @Test
    void cameraImageCapturedIsAFootprintAtTheCaptureTime() throws IOException {
        var down = Quaternion.fromEuler(0, -Math.PI / 2, 0);
        long utcMicros = Fixture.T0.minusSeconds(5).toEpochMilli() * 1000;
        send(Fixture.UAV_SYSTEM_ID, CameraImageCaptured.builder().timeUtc(BigInteger.valueOf(utcMicros))
                .lat(398_100_000).lon(467_500_000).alt(1_500_000).relativeAlt(500_000)
                .q(List.of((float) down.w(), (float) down.x(), (float) down.y(), (float) down.z()))
                .imageIndex(3).captureResult(1).fileUrl("").build());
        await("capture", () -> !fx.accepted(Observation.Footprint.class).isEmpty());
        assertThat(fx.accepted(Observation.Footprint.class).getFirst().time()).isEqualTo(Fixture.T0.minusSeconds(5));
    }

    @Test
    void openDroneIdLocationIsAFixWithTheRemoteIdAccuracy() throws IOException {
        send(Fixture.UAV_SYSTEM_ID, OpenDroneIdLocation.builder().latitude(398_100_000).longitude(467_500_000)
                .altitudeGeodetic(1400f).speedHorizontal(1200).direction(9000)
                .horizontalAccuracy(MavOdidHorAcc.MAV_ODID_HOR_ACC_10_METER).build());
        await("odid fix", () -> !fx.accepted(Observation.PlatformFix.class).isEmpty());
        var fix = fx.accepted(Observation.PlatformFix.class).getFirst();
        assertThat(fix.cepM()).isCloseTo(10 * 1.1774 / 2.4477, within(1e-9));
        assertThat(fix.speedMps()).isEqualTo(12.0);
        assertThat(fix.headingDeg()).isEqualTo(90.0);
    }

    @Test
    void heartbeatsDriveTheAssetHealth() throws IOException {
        send(Fixture.UAV_SYSTEM_ID, Heartbeat.builder().type(MavType.MAV_TYPE_FIXED_WING)
                .autopilot(MavAutopilot.MAV_AUTOPILOT_ARDUPILOTMEGA).systemStatus(MavState.MAV_STATE_ACTIVE)
                .mavlinkVersion(3).build());
        await("online", () -> health.status(Fixture.UAV) == AssetStatus.ONLINE);
        send(Fixture.UAV_SYSTEM_ID, Heartbeat.builder().type(MavType.MAV_TYPE_FIXED_WING)
                .autopilot(MavAutopilot.MAV_AUTOPILOT_ARDUPILOTMEGA).systemStatus(MavState.MAV_STATE_CRITICAL)
                .mavlinkVersion(3).build());
        await("degraded", () -> health.status(Fixture.UAV) == AssetStatus.DEGRADED);
        fx.clock.advance(java.time.Duration.ofSeconds(4));
        health.tick(fx.clock.instant());
        assertThat(health.status(Fixture.UAV)).isEqualTo(AssetStatus.OFFLINE);
        assertThat(health.timeline(Fixture.UAV)).extracting(c -> c.to())
                .containsExactly(AssetStatus.ONLINE, AssetStatus.DEGRADED, AssetStatus.OFFLINE);
    }

    @Test
    void unknownSystemIdsAreRefusedAndCounted() throws IOException {
        send(99, position(39.81, 46.75));
        await("counted", () -> fx.rejected("mavlink", Reasons.UNKNOWN_SYSTEM_ID) == 1);
        assertThat(fx.accepted()).isEmpty();
    }

    @Test
    void hostileDatagramsAreCountedAndTheListenerKeepsServing() throws IOException {
        byte[] noise = new byte[200];
        new Random(42).nextBytes(noise);
        noise[0] = 0x00; // never a MAVLink start byte
        raw(noise);
        await("noise", () -> fx.rejected("mavlink", Reasons.MALFORMED) == 1);
        raw(new byte[5000]);
        await("oversize", () -> fx.rejected("mavlink", Reasons.OVERSIZE) == 1);
        // a truncated packet: the first 12 bytes of a valid one
        ByteArrayOutputStream one = new ByteArrayOutputStream();
        MavlinkConnection.create(InputStream.nullInputStream(), one).send2(Fixture.UAV_SYSTEM_ID, 1, position(39.8, 46.7));
        raw(java.util.Arrays.copyOf(one.toByteArray(), 12));
        await("truncated", () -> fx.rejected("mavlink", Reasons.MALFORMED) == 2);
        send(Fixture.UAV_SYSTEM_ID, position(95, 46.75));
        await("range", () -> fx.rejected("mavlink", Reasons.COORDINATE_RANGE) == 1);
        send(Fixture.UAV_SYSTEM_ID, GlobalPositionInt.builder().lat(398_100_000).lon(467_500_000)
                .alt(90_000_000).relativeAlt(0).hdg(0).build());
        await("altitude", () -> fx.rejected("mavlink", Reasons.ALTITUDE_RANGE) == 1);
        send(Fixture.UAV_SYSTEM_ID, CameraImageCaptured.builder()
                .timeUtc(BigInteger.valueOf(Fixture.T0.minusSeconds(3 * 86400).toEpochMilli() * 1000))
                .lat(398_100_000).lon(467_500_000).alt(1_500_000).relativeAlt(500_000)
                .q(List.of(1f, 0f, 0f, 0f)).fileUrl("").build());
        await("stale", () -> fx.rejected("mavlink", Reasons.STALE) == 1);
        send(Fixture.UAV_SYSTEM_ID, CameraImageCaptured.builder()
                .timeUtc(BigInteger.valueOf(Fixture.T0.plusSeconds(3600).toEpochMilli() * 1000))
                .lat(398_100_000).lon(467_500_000).alt(1_500_000).relativeAlt(500_000)
                .q(List.of(1f, 0f, 0f, 0f)).fileUrl("").build());
        await("future", () -> fx.rejected("mavlink", Reasons.FUTURE) == 1);
        send(Fixture.UAV_SYSTEM_ID, OpenDroneIdLocation.builder().latitude(398_100_000).longitude(467_500_000)
                .altitudeGeodetic(Float.NaN).build());
        await("NaN", () -> fx.rejected("mavlink", Reasons.NOT_FINITE) == 1);
        assertThat(fx.accepted()).isEmpty();
        send(Fixture.UAV_SYSTEM_ID, position(39.81, 46.75));
        await("good one after, counted", () -> fx.gate.metrics().acceptedSnapshot().getOrDefault("mavlink", 0L) == 1);
        assertThat(fx.accepted(Observation.PlatformFix.class)).hasSize(1);
        assertThat(fx.gate.metrics().render())
                .contains("truce_ingest_rejected_total{channel=\"mavlink\",reason=\"malformed\"} 2")
                .contains("truce_ingest_accepted_total{channel=\"mavlink\"} 1");
    }
}
