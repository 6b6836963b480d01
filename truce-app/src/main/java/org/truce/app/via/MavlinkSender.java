package org.truce.app.via;

import io.dronefleet.mavlink.MavlinkConnection;
import io.dronefleet.mavlink.common.GlobalPositionInt;
import io.dronefleet.mavlink.common.SystemTime;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.truce.ground.AssetId;
import org.truce.sensing.Observation;

/**
 * Drone fixes as MAVLink 2 over UDP, as an autopilot's telemetry reaches a ground station: each fix is a
 * SYSTEM_TIME (the drone's UNIX time and its time since boot, the boot being the scenario's start) followed by a
 * GLOBAL_POSITION_INT stamped with the same {@code time_boot_ms}, from the drone's system id. A run goes in as few
 * datagrams as fit {@value #MAX_DATAGRAM} bytes. Positions are rounded to 1e-7° (about 1 cm), altitude to 1 mm,
 * velocity to 1 cm/s and heading to 0.01°, as MAVLink carries them; the fix's CEP is the adapter's
 * ({@code MavlinkSettings.fixCepM}, 5 m), GLOBAL_POSITION_INT having no accuracy field. Public for the load
 * generator of {@code truce bench ingest --via mavlink}. Not thread-safe: one sender per thread.
 */
public final class MavlinkSender implements Sender {
    static final int MAX_DATAGRAM = 8192;

    private final DatagramSocket socket;
    private final InetSocketAddress target;
    private final Map<AssetId, Integer> systemIds;
    private final Instant boot;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private final MavlinkConnection mavlink = MavlinkConnection.create(InputStream.nullInputStream(), buffer);

    public MavlinkSender(InetSocketAddress target, Map<AssetId, Integer> systemIds, Instant boot) {
        this.target = Objects.requireNonNull(target);
        this.systemIds = Map.copyOf(systemIds);
        this.boot = Objects.requireNonNull(boot);
        try {
            this.socket = new DatagramSocket();
        } catch (SocketException e) {
            throw new UncheckedIOException("cannot open a UDP socket for MAVLink: " + e.getMessage(), e);
        }
    }

    @Override
    public Protocol protocol() {
        return Protocol.MAVLINK;
    }

    @Override
    public int send(List<Observation> run) {
        ByteArrayOutputStream datagram = new ByteArrayOutputStream();
        for (Observation o : run) {
            if (!(o instanceof Observation.PlatformFix f)) {
                throw new IllegalArgumentException("MAVLink carries only drone fixes, not a " + o.kind());
            }
            byte[] packets = encode(f);
            if (datagram.size() + packets.length > MAX_DATAGRAM) {
                emit(datagram.toByteArray());
                datagram.reset();
            }
            datagram.writeBytes(packets);
        }
        if (datagram.size() > 0) emit(datagram.toByteArray());
        return 0;
    }

    private byte[] encode(Observation.PlatformFix f) {
        Integer system = systemIds.get(f.asset());
        if (system == null) throw new IllegalArgumentException(f.asset() + " has no MAVLink system id");
        long bootMs = f.time().toEpochMilli() - boot.toEpochMilli();
        if (bootMs < 0 || bootMs > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("fix at " + f.time() + " is outside the 49 days MAVLink's time_boot_ms spans from " + boot);
        }
        double heading = Math.toRadians(f.headingDeg());
        buffer.reset();
        try {
            mavlink.send2(system, 1, SystemTime.builder()
                    .timeUnixUsec(BigInteger.valueOf(f.time().toEpochMilli()).multiply(BigInteger.valueOf(1000)))
                    .timeBootMs(bootMs).build());
            mavlink.send2(system, 1, GlobalPositionInt.builder().timeBootMs(bootMs)
                    .lat((int) Math.round(f.position().lat() * 1e7)).lon((int) Math.round(f.position().lon() * 1e7))
                    .alt((int) Math.round(f.altitudeM() * 1000)).relativeAlt((int) Math.round(f.altitudeM() * 1000))
                    .vx((int) Math.round(f.speedMps() * Math.cos(heading) * 100))
                    .vy((int) Math.round(f.speedMps() * Math.sin(heading) * 100)).vz(0)
                    .hdg((int) (Math.round(f.headingDeg() * 100) % 36000 + 36000) % 36000).build());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return buffer.toByteArray();
    }

    private void emit(byte[] bytes) {
        try {
            socket.send(new DatagramPacket(bytes, bytes.length, target));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot send MAVLink to " + target + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        socket.close();
    }
}
