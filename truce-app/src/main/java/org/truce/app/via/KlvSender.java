package org.truce.app.via;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import org.jmisb.api.klv.st0601.FrameCenterLatitude;
import org.jmisb.api.klv.st0601.FrameCenterLongitude;
import org.jmisb.api.klv.st0601.FullCornerLatitude;
import org.jmisb.api.klv.st0601.FullCornerLongitude;
import org.jmisb.api.klv.st0601.IUasDatalinkValue;
import org.jmisb.api.klv.st0601.PrecisionTimeStamp;
import org.jmisb.api.klv.st0601.ST0601Version;
import org.jmisb.api.klv.st0601.UasDatalinkConstants;
import org.jmisb.api.klv.st0601.UasDatalinkMessage;
import org.jmisb.api.klv.st0601.UasDatalinkString;
import org.jmisb.api.klv.st0601.UasDatalinkTag;
import org.truce.geo.GeoPoint;
import org.truce.sensing.Observation;

/**
 * Drone footprints as MISB ST 0601 UAS Datalink Local Sets over UDP, encoded by jmisb, as a drone's video encoder
 * emits its metadata stream. Each footprint is one set: Precision Time Stamp (tag 2, microseconds), Platform Tail
 * Number (tag 4) = the asset id (the center's KLV adapter names the asset by it), the four corners in full precision
 * (tags 82–89, corner {@code n} = the ring's point {@code n}), the frame centre (tags 23–24, the corners' mean, for
 * players of the stream; the adapter reads the full corners) and the ST 0601 version (tag 65), with its checksum.
 * A run goes in as few datagrams as fit {@value #MAX_DATAGRAM} bytes, one or more sets each.
 *
 * <p>What is left out, on purpose: the sensor position (tags 13–15), from which the adapter would make a platform
 * fix of its own, doubling the drone's fix that MAVLink carries (and adding one where the simulator reported none),
 * and the detections as nested ST 0903 VMTI targets, which the adapter reads without class, side or count.
 *
 * <p>Precision: the full corner latitude and longitude are 4-byte integers over ±90° and ±180°: each corner comes
 * back within 2.1e-8° of latitude and 4.2e-8° of longitude (about 2 mm and 4 mm). ST 0601 has no detection
 * probability: the center gives every KLV footprint its adapter's ({@code KlvSettings.detectionProbability}, 0.8),
 * not the simulator's. Not thread-safe: one sending thread.
 */
final class KlvSender implements Sender {
    static final int MAX_DATAGRAM = 8192;

    private static final UasDatalinkTag[][] CORNERS = {
            {UasDatalinkTag.CornerLatPt1, UasDatalinkTag.CornerLonPt1},
            {UasDatalinkTag.CornerLatPt2, UasDatalinkTag.CornerLonPt2},
            {UasDatalinkTag.CornerLatPt3, UasDatalinkTag.CornerLonPt3},
            {UasDatalinkTag.CornerLatPt4, UasDatalinkTag.CornerLonPt4}};
    private static final String[][] CORNER_NAMES = {
            {FullCornerLatitude.CORNER_LAT_1, FullCornerLongitude.CORNER_LON_1},
            {FullCornerLatitude.CORNER_LAT_2, FullCornerLongitude.CORNER_LON_2},
            {FullCornerLatitude.CORNER_LAT_3, FullCornerLongitude.CORNER_LON_3},
            {FullCornerLatitude.CORNER_LAT_4, FullCornerLongitude.CORNER_LON_4}};

    private final DatagramSocket socket;
    private final InetSocketAddress target;

    KlvSender(InetSocketAddress target) {
        this.target = Objects.requireNonNull(target);
        try {
            this.socket = new DatagramSocket();
        } catch (SocketException e) {
            throw new UncheckedIOException("cannot open a UDP socket for KLV: " + e.getMessage(), e);
        }
    }

    @Override
    public Protocol protocol() {
        return Protocol.KLV;
    }

    /** Whether a footprint fits one local set: a quadrilateral, the four image corners (a closed ring of 5). */
    static boolean carries(Observation.Footprint f) {
        return f.ring().size() == 5;
    }

    @Override
    public int send(List<Observation> run) {
        ByteArrayOutputStream datagram = new ByteArrayOutputStream();
        for (Observation o : run) {
            if (!(o instanceof Observation.Footprint f) || !carries(f)) {
                throw new IllegalArgumentException("KLV carries only four-cornered footprints, not a " + o.kind()
                        + (o instanceof Observation.Footprint f ? " of " + (f.ring().size() - 1) + " corners" : ""));
            }
            byte[] set = encode(f);
            if (datagram.size() + set.length > MAX_DATAGRAM) {
                emit(datagram.toByteArray());
                datagram.reset();
            }
            datagram.writeBytes(set);
        }
        if (datagram.size() > 0) emit(datagram.toByteArray());
        return 0;
    }

    /** One ST 0601 local set, framed with its universal key, length and checksum. */
    static byte[] encode(Observation.Footprint f) {
        SortedMap<UasDatalinkTag, IUasDatalinkValue> v = new TreeMap<>();
        v.put(UasDatalinkTag.PrecisionTimeStamp, new PrecisionTimeStamp(micros(f.time())));
        v.put(UasDatalinkTag.PlatformTailNumber,
                new UasDatalinkString(UasDatalinkString.PLATFORM_TAIL_NUMBER, f.asset().value()));
        double lat = 0;
        double lon = 0;
        for (int i = 0; i < 4; i++) {
            GeoPoint p = f.ring().get(i);
            v.put(CORNERS[i][0], new FullCornerLatitude(p.lat(), CORNER_NAMES[i][0]));
            v.put(CORNERS[i][1], new FullCornerLongitude(p.lon(), CORNER_NAMES[i][1]));
            lat += p.lat() / 4;
            lon += p.lon() / 4;
        }
        v.put(UasDatalinkTag.FrameCenterLatitude, new FrameCenterLatitude(lat));
        v.put(UasDatalinkTag.FrameCenterLongitude, new FrameCenterLongitude(lon));
        v.put(UasDatalinkTag.UasLdsVersionNumber, new ST0601Version(UasDatalinkConstants.ST_VERSION_NUMBER));
        return new UasDatalinkMessage(v).frameMessage(false);
    }

    private static long micros(Instant t) {
        return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1000);
    }

    private void emit(byte[] bytes) {
        try {
            socket.send(new DatagramPacket(bytes, bytes.length, target));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot send KLV to " + target + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        socket.close();
    }
}
