package org.truce.ingest.mavlink;

import io.dronefleet.mavlink.MavlinkConnection;
import io.dronefleet.mavlink.MavlinkMessage;
import io.dronefleet.mavlink.common.Attitude;
import io.dronefleet.mavlink.common.CameraImageCaptured;
import io.dronefleet.mavlink.common.GimbalDeviceAttitudeStatus;
import io.dronefleet.mavlink.common.GimbalDeviceFlags;
import io.dronefleet.mavlink.common.GlobalPositionInt;
import io.dronefleet.mavlink.common.OpenDroneIdLocation;
import io.dronefleet.mavlink.common.SystemTime;
import io.dronefleet.mavlink.minimal.Heartbeat;
import io.dronefleet.mavlink.minimal.MavState;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.SocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.truce.geo.GeoPoint;
import org.truce.ingest.IngestGate;
import org.truce.ingest.LinkReports;
import org.truce.ingest.ObservationValidator;
import org.truce.ingest.Reasons;
import org.truce.ingest.RejectedInput;
import org.truce.ingest.camera.CameraFootprint;
import org.truce.ingest.camera.Quaternion;
import org.truce.ingest.net.UdpService;
import org.truce.sensing.Asset;
import org.truce.sensing.Observation;

/**
 * Receives MAVLink 2 (and 1) over UDP, as autopilots and ground stations forward it (default port 14550).
 *
 * <p>The sending drone is the asset bound to the packet's system id ({@code Asset.systemId}); packets from an
 * unbound system id are refused and counted ({@code unknown-system-id}). Mapping:
 * <ul>
 *   <li>SYSTEM_TIME → the drone's time base: its UNIX time at boot ({@code time_unix_usec − time_boot_ms}), as
 *       MAVLink practice (and ArduPilot/PX4 from GPS time) has it; forgotten when the drone reboots (a
 *       {@code time_boot_ms} more than {@link #REBOOT_SLACK} behind the base's own);</li>
 *   <li>GLOBAL_POSITION_INT → {@link Observation.PlatformFix} (lat/lon degE7, alt mm above MSL, vx/vy cm/s,
 *       hdg cdeg), and, at most once per {@link MavlinkSettings#footprintInterval()}, a {@link Observation.Footprint}
 *       projected from the last ATTITUDE or GIMBAL_DEVICE_ATTITUDE_STATUS and the asset's camera field of view
 *       (see {@link CameraFootprint} for the flat-earth assumption);</li>
 *   <li>CAMERA_IMAGE_CAPTURED → a footprint of the captured image from its own position and camera quaternion;</li>
 *   <li>OPEN_DRONE_ID_LOCATION → a platform fix with the Remote ID horizontal accuracy as CEP;</li>
 *   <li>HEARTBEAT → a link report (impaired when the system state is critical, emergency or terminating).</li>
 * </ul>
 * Other messages are ignored. A GLOBAL_POSITION_INT (and its footprint) is timed by its {@code time_boot_ms} on the
 * drone's time base when a SYSTEM_TIME has given one, else by the center clock at reception; OPEN_DRONE_ID_LOCATION
 * and HEARTBEAT by the center clock at reception; CAMERA_IMAGE_CAPTURED by its own UTC time.
 * A datagram with no valid MAVLink packet is counted {@code malformed}; bad packets are skipped, never fatal.
 * Thread-safe.
 */
public final class MavlinkAdapter {
    public static final String CHANNEL = "mavlink";
    public static final int DEFAULT_PORT = 14550;
    private static final int UINT16_UNKNOWN = 65535;
    /** How far a drone's boot clock may run behind its time base before the base is taken for a reboot's. */
    static final Duration REBOOT_SLACK = Duration.ofSeconds(10);

    private final IngestGate gate;
    private final ObservationValidator validator;
    private final LinkReports links;
    private final MavlinkSettings settings;
    private final UdpService udp = new UdpService(CHANNEL, this::datagram);
    private final Map<Integer, DroneState> drones = new ConcurrentHashMap<>();

    public MavlinkAdapter(IngestGate gate, LinkReports links, MavlinkSettings settings) {
        this.gate = Objects.requireNonNull(gate);
        this.validator = gate.validator();
        this.links = Objects.requireNonNull(links);
        this.settings = Objects.requireNonNull(settings);
    }

    public void start(int port) { udp.start(port); }

    public void stop() { udp.stop(); }

    public int boundPort() { return udp.boundPort(); }

    /** Decodes one datagram (public for replaying captured traffic). */
    public void datagram(byte[] data, SocketAddress from) {
        try {
            validator.frameSize(data.length, "datagram from " + from);
        } catch (RejectedInput e) {
            gate.reject(CHANNEL, e);
            return;
        }
        MavlinkConnection in = MavlinkConnection.create(new ByteArrayInputStream(data), OutputStream.nullOutputStream());
        int decoded = 0;
        while (true) {
            MavlinkMessage<?> m;
            try {
                m = in.next();
            } catch (EOFException end) {
                break;
            } catch (IOException | RuntimeException e) {
                gate.reject(CHANNEL, new RejectedInput(Reasons.MALFORMED, "undecodable MAVLink packet from " + from
                        + ": " + e.getMessage()));
                break;
            }
            if (m == null) break;
            decoded++;
            try {
                handle(m);
            } catch (RejectedInput e) {
                gate.reject(CHANNEL, e);
            }
        }
        if (decoded == 0 && data.length > 0) {
            gate.reject(CHANNEL, new RejectedInput(Reasons.MALFORMED, "no valid MAVLink packet in " + data.length
                    + " bytes from " + from));
        }
    }

    private void handle(MavlinkMessage<?> m) {
        Object payload = m.getPayload();
        if (payload == null) return;
        boolean relevant = payload instanceof GlobalPositionInt || payload instanceof Attitude
                || payload instanceof GimbalDeviceAttitudeStatus || payload instanceof CameraImageCaptured
                || payload instanceof OpenDroneIdLocation || payload instanceof Heartbeat
                || payload instanceof SystemTime;
        if (!relevant) return;
        Asset asset = validator.systemId(m.getOriginSystemId());
        DroneState s = drones.computeIfAbsent(m.getOriginSystemId(), k -> new DroneState());
        Instant now = validator.clock().instant();
        switch (payload) {
            case GlobalPositionInt g -> position(asset, s, g, now);
            case Attitude a -> s.attitude(Quaternion.fromEuler(a.roll(), a.pitch(), a.yaw()), a.yaw());
            case GimbalDeviceAttitudeStatus g -> s.gimbal(Quaternion.of(g.q()),
                    g.flags().flagsEnabled(GimbalDeviceFlags.GIMBAL_DEVICE_FLAGS_YAW_IN_EARTH_FRAME)
                            || g.flags().flagsEnabled(GimbalDeviceFlags.GIMBAL_DEVICE_FLAGS_YAW_LOCK));
            case CameraImageCaptured c -> capture(asset, c, now);
            case OpenDroneIdLocation o -> remoteId(asset, o, now);
            case Heartbeat h -> heartbeat(asset, h, now);
            case SystemTime t -> s.timeBase(t.timeUnixUsec(), t.timeBootMs());
            default -> { }
        }
    }

    private void position(Asset asset, DroneState s, GlobalPositionInt g, Instant received) {
        // The sensor's own time when it has told us its time base; the reception time otherwise.
        Instant now = s.sensorTime(g.timeBootMs()).orElse(received);
        GeoPoint p = validator.point(g.lat() / 1e7, g.lon() / 1e7, "GLOBAL_POSITION_INT");
        double alt = validator.altitude(g.alt() / 1000.0, "GLOBAL_POSITION_INT.alt");
        double speed = Math.hypot(g.vx(), g.vy()) / 100.0;
        double heading = g.hdg() == UINT16_UNKNOWN
                ? (Math.toDegrees(Math.atan2(g.vy(), g.vx())) + 360) % 360
                : g.hdg() / 100.0;
        gate.submit(CHANNEL, new Observation.PlatformFix(asset.id(), validator.time(now, "GLOBAL_POSITION_INT"),
                p, alt, settings.fixCepM(), heading, speed));
        if (asset.sensor().hfovDeg() <= 0 || asset.sensor().vfovDeg() <= 0) return;
        Optional<Quaternion> camera = s.camera(Math.toRadians(heading));
        if (camera.isEmpty() || !s.footprintDue(now, settings.footprintInterval())) return;
        CameraFootprint.project(p, g.relativeAlt() / 1000.0, camera.get(), asset.sensor().hfovDeg(),
                        asset.sensor().vfovDeg(), asset.sensor().rangeM())
                .ifPresent(ring -> gate.submit(CHANNEL, new Observation.Footprint(asset.id(), now, ring,
                        settings.detectionProbability())));
    }

    private void capture(Asset asset, CameraImageCaptured c, Instant now) {
        GeoPoint p = validator.point(c.lat() / 1e7, c.lon() / 1e7, "CAMERA_IMAGE_CAPTURED");
        validator.altitude(c.alt() / 1000.0, "CAMERA_IMAGE_CAPTURED.alt");
        Instant t = c.timeUtc() == null || c.timeUtc().signum() == 0 ? now
                : micros(c.timeUtc());
        validator.time(t, "CAMERA_IMAGE_CAPTURED.time_utc");
        Quaternion q;
        try {
            q = Quaternion.of(c.q());
        } catch (IllegalArgumentException e) {
            throw new RejectedInput(Reasons.INVALID_VALUE, "CAMERA_IMAGE_CAPTURED.q: " + e.getMessage());
        }
        var ring = CameraFootprint.project(p, c.relativeAlt() / 1000.0, q, asset.sensor().hfovDeg(),
                asset.sensor().vfovDeg(), asset.sensor().rangeM());
        if (ring.isEmpty()) {
            throw new RejectedInput(Reasons.NO_FOOTPRINT, "CAMERA_IMAGE_CAPTURED " + c.imageIndex() + " of " + asset.id()
                    + ": no footprint (height above ground " + c.relativeAlt() / 1000.0 + " m, field of view "
                    + asset.sensor().hfovDeg() + "×" + asset.sensor().vfovDeg() + "°)");
        }
        gate.submit(CHANNEL, new Observation.Footprint(asset.id(), t, ring.get(), settings.detectionProbability()));
    }

    private void remoteId(Asset asset, OpenDroneIdLocation o, Instant now) {
        GeoPoint p = validator.point(o.latitude() / 1e7, o.longitude() / 1e7, "OPEN_DRONE_ID_LOCATION");
        double alt = validator.altitude(o.altitudeGeodetic(), "OPEN_DRONE_ID_LOCATION.altitude_geodetic");
        double speed = o.speedHorizontal() >= 25500 ? 0 : o.speedHorizontal() / 100.0;
        double heading = o.direction() > 36000 ? 0 : o.direction() / 100.0;
        int acc = o.horizontalAccuracy() == null ? 0 : o.horizontalAccuracy().value();
        gate.submit(CHANNEL, new Observation.PlatformFix(asset.id(), validator.time(now, "OPEN_DRONE_ID_LOCATION"),
                p, alt, remoteIdCep(acc), heading, speed));
    }

    /**
     * CEP from the ASTM F3411 horizontal accuracy class (a 95 % bound): CEP = bound × 1.1774 / 2.4477.
     * Unknown accuracy gets the coarsest class.
     */
    static double remoteIdCep(int accuracyClass) {
        double[] bound95 = {18_520, 18_520, 7_408, 3_704, 1_852, 926, 555.6, 185.2, 92.6, 30, 10, 3, 1};
        double b = accuracyClass >= 0 && accuracyClass < bound95.length ? bound95[accuracyClass] : bound95[0];
        return b * 1.1774 / 2.4477;
    }

    private void heartbeat(Asset asset, Heartbeat h, Instant now) {
        MavState state = h.systemStatus() == null ? null : h.systemStatus().entry();
        boolean impaired = state == MavState.MAV_STATE_CRITICAL || state == MavState.MAV_STATE_EMERGENCY
                || state == MavState.MAV_STATE_FLIGHT_TERMINATION;
        links.link(asset.id(), now, impaired, state == null ? "MAV_STATE unknown" : state.name());
    }

    private static Instant micros(BigInteger us) {
        long v = us.longValue();
        return Instant.ofEpochSecond(v / 1_000_000, (v % 1_000_000) * 1000);
    }

    /** What the adapter remembers of a drone between packets: its attitude and gimbal, and the last footprint. */
    private static final class DroneState {
        private Quaternion body;
        private double bodyYaw;
        private Quaternion gimbal;
        private boolean gimbalEarthYaw;
        private Instant lastFootprint;
        /** UNIX time at the drone's boot, from SYSTEM_TIME, and the boot time of that SYSTEM_TIME. */
        private Instant bootEpoch;
        private long baseBootMs;

        synchronized void timeBase(BigInteger unixUsec, long bootMs) {
            if (unixUsec == null || unixUsec.signum() <= 0) return;
            bootEpoch = micros(unixUsec).minusMillis(bootMs);
            baseBootMs = bootMs;
        }

        synchronized Optional<Instant> sensorTime(long bootMs) {
            if (bootEpoch == null) return Optional.empty();
            if (bootMs < baseBootMs - REBOOT_SLACK.toMillis()) {
                bootEpoch = null;
                return Optional.empty();
            }
            return Optional.of(bootEpoch.plusMillis(bootMs));
        }

        synchronized void attitude(Quaternion q, double yaw) { body = q; bodyYaw = yaw; }

        synchronized void gimbal(Quaternion q, boolean earthYaw) { gimbal = q; gimbalEarthYaw = earthYaw; }

        /**
         * The camera's attitude in north-east-down: the gimbal's (with the vehicle's heading added when its yaw is
         * relative to the vehicle: the ATTITUDE yaw, else the GLOBAL_POSITION_INT heading), else a camera fixed to the
         * airframe looking straight down.
         */
        synchronized Optional<Quaternion> camera(double headingRad) {
            if (gimbal != null) {
                double yaw = body != null ? bodyYaw : headingRad;
                return Optional.of(gimbalEarthYaw ? gimbal : Quaternion.fromEuler(0, 0, yaw).times(gimbal));
            }
            if (body != null) return Optional.of(body.times(Quaternion.fromEuler(0, -Math.PI / 2, 0)));
            return Optional.empty();
        }

        synchronized boolean footprintDue(Instant now, Duration interval) {
            if (lastFootprint != null && now.isBefore(lastFootprint.plus(interval))) return false;
            lastFootprint = now;
            return true;
        }
    }
}
