package org.truce.ingest.klv;

import java.net.SocketAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jmisb.api.common.KlvParseException;
import org.jmisb.api.klv.BerDecoder;
import org.jmisb.api.klv.BerField;
import org.jmisb.api.klv.IMisbMessage;
import org.jmisb.api.klv.KlvParser;
import org.jmisb.api.klv.UniversalLabel;
import org.jmisb.api.klv.st0601.IUasDatalinkValue;
import org.jmisb.api.klv.st0601.NestedVmtiLocalSet;
import org.jmisb.api.klv.st0601.PrecisionTimeStamp;
import org.jmisb.api.klv.st0601.UasDatalinkAltitude;
import org.jmisb.api.klv.st0601.UasDatalinkAngle360;
import org.jmisb.api.klv.st0601.UasDatalinkLatitude;
import org.jmisb.api.klv.st0601.UasDatalinkLongitude;
import org.jmisb.api.klv.st0601.UasDatalinkMessage;
import org.jmisb.api.klv.st0601.UasDatalinkString;
import org.jmisb.api.klv.st0601.UasDatalinkTag;
import org.jmisb.api.klv.st0601.CornerOffset;
import org.jmisb.api.klv.st0903.VTargetSeries;
import org.jmisb.api.klv.st0903.VmtiMetadataKey;
import org.jmisb.api.klv.st0903.shared.LocationPack;
import org.jmisb.api.klv.st0903.vtarget.TargetConfidenceLevel;
import org.jmisb.api.klv.st0903.vtarget.TargetLocation;
import org.jmisb.api.klv.st0903.vtarget.VTargetMetadataKey;
import org.jmisb.api.klv.st0903.vtarget.VTargetPack;
import org.truce.geo.GeoPoint;
import org.truce.ingest.IngestGate;
import org.truce.ingest.ObservationValidator;
import org.truce.ingest.Reasons;
import org.truce.ingest.RejectedInput;
import org.truce.ingest.net.UdpService;
import org.truce.sensing.Asset;
import org.truce.ground.AssetId;
import org.truce.ground.ObjectClass;
import org.truce.sensing.Observation;

/**
 * MISB ST 0601 (UAS Datalink Local Set) KLV over UDP, decoded with jmisb; the port is configurable (no standard).
 * Each datagram holds one or more local sets. Per set:
 * <ul>
 *   <li>the platform is the asset named by Platform Tail Number (tag 4) or Platform Call Sign (tag 59), through
 *       {@link KlvSettings#aliases()} or as an asset id, else {@link KlvSettings#defaultAsset()};</li>
 *   <li>Precision Time Stamp (tag 2, required) is the time of every observation made from the set;</li>
 *   <li>sensor latitude, longitude, true altitude (tags 13–15) → {@link Observation.PlatformFix} (heading from
 *       tag 5);</li>
 *   <li>the four image corners → {@link Observation.Footprint}: full-precision corners (tags 82–89), else frame
 *       centre (tags 23–24) plus corner offsets (tags 26–33);</li>
 *   <li>each target of a nested ST 0903 VMTI set (tag 74) with a Target Location → {@link Observation.Detection}
 *       (class unknown, confidence = target confidence level / 100, CEP from the location's σ east and north,
 *       {@code sensorTrackId} = {@code vmti-<target id>}).</li>
 * </ul>
 * jmisb checks the set's checksum; a datagram it cannot parse is counted {@code malformed}. Thread-safe.
 */
public final class KlvAdapter {
    public static final String CHANNEL = "klv";
    /** CEP per σ of a circular normal error. */
    private static final double CEP_PER_SIGMA = 1.1774;

    private final IngestGate gate;
    private final ObservationValidator validator;
    private final KlvSettings settings;
    private final UdpService udp = new UdpService(CHANNEL, this::datagram);

    public KlvAdapter(IngestGate gate, KlvSettings settings) {
        this.gate = Objects.requireNonNull(gate);
        this.validator = gate.validator();
        this.settings = Objects.requireNonNull(settings);
    }

    public void start(int port) { udp.start(port); }

    public void stop() { udp.stop(); }

    public int boundPort() { return udp.boundPort(); }

    /** Decodes one datagram (public for replaying recorded metadata). */
    public void datagram(byte[] data, SocketAddress from) {
        List<IMisbMessage> messages;
        try {
            validator.frameSize(data.length, "KLV datagram from " + from);
            messages = parse(data);
        } catch (RejectedInput e) {
            gate.reject(CHANNEL, e);
            return;
        } catch (KlvParseException | RuntimeException e) {
            gate.reject(CHANNEL, new RejectedInput(Reasons.MALFORMED, "KLV from " + from + ": " + e.getMessage()));
            return;
        }
        boolean any = false;
        for (IMisbMessage m : messages) {
            if (!(m instanceof UasDatalinkMessage uas)) continue;
            any = true;
            try {
                gate.submitAll(CHANNEL, observations(uas)); // one set's fix and footprint, committed together
            } catch (RejectedInput e) {
                gate.reject(CHANNEL, e);
            } catch (RuntimeException e) {
                gate.reject(CHANNEL, new RejectedInput(Reasons.MALFORMED, "ST 0601 set from " + from + ": " + e));
            }
        }
        if (!any) {
            gate.reject(CHANNEL, new RejectedInput(Reasons.MALFORMED, "no ST 0601 local set in " + data.length
                    + " bytes from " + from));
        }
    }

    /**
     * The datagram's top-level KLV messages (16-byte universal key, BER length, value), each handed to jmisb on its
     * own: jmisb 1.10.0's {@code KlvParser.parseBytes} finds the length of every message at the start of the array
     * (it drops the offset), so a datagram of several sets came back as as many copies of the first.
     */
    static List<IMisbMessage> parse(byte[] data) throws KlvParseException {
        List<IMisbMessage> out = new ArrayList<>();
        int pos = 0;
        while (pos < data.length) {
            if (data.length - pos <= UniversalLabel.LENGTH) {
                throw new KlvParseException("truncated KLV key at byte " + pos + " of " + data.length);
            }
            BerField length = BerDecoder.decode(data, pos + UniversalLabel.LENGTH, false);
            long end = (long) pos + UniversalLabel.LENGTH + length.getLength() + length.getValue();
            if (end > data.length) {
                throw new KlvParseException("KLV message at byte " + pos + " runs " + (end - data.length)
                        + " bytes past the datagram's end");
            }
            out.addAll(KlvParser.parseBytes(Arrays.copyOfRange(data, pos, (int) end)));
            pos = (int) end;
        }
        return out;
    }

    /** The observations one local set stands for, in the order fix, footprint, detections. */
    List<Observation> observations(UasDatalinkMessage m) {
        Asset asset = platform(m);
        PrecisionTimeStamp ts = field(m, UasDatalinkTag.PrecisionTimeStamp, PrecisionTimeStamp.class)
                .orElseThrow(() -> new RejectedInput(Reasons.MALFORMED, "ST 0601 set without Precision Time Stamp (tag 2)"));
        long us = ts.getMicroseconds();
        Instant t = validator.time(Instant.ofEpochSecond(Math.floorDiv(us, 1_000_000L), Math.floorMod(us, 1_000_000L) * 1000L),
                "ST 0601 Precision Time Stamp");
        List<Observation> out = new ArrayList<>();
        var lat = degrees(m, UasDatalinkTag.SensorLatitude);
        var lon = degrees(m, UasDatalinkTag.SensorLongitude);
        if (lat.isPresent() && lon.isPresent()) {
            GeoPoint p = validator.point(lat.get(), lon.get(), "ST 0601 sensor position");
            double alt = field(m, UasDatalinkTag.SensorTrueAltitude, UasDatalinkAltitude.class)
                    .map(a -> validator.altitude(a.getMeters(), "ST 0601 Sensor True Altitude")).orElse(0.0);
            double heading = field(m, UasDatalinkTag.PlatformHeadingAngle, UasDatalinkAngle360.class)
                    .map(UasDatalinkAngle360::getDegrees).orElse(0.0);
            out.add(new Observation.PlatformFix(asset.id(), t, p, alt, settings.sensorCepM(), heading, 0));
        }
        corners(m).ifPresent(ring -> out.add(new Observation.Footprint(asset.id(), t, ring, settings.detectionProbability())));
        field(m, UasDatalinkTag.VmtiLocalDataSet, NestedVmtiLocalSet.class).ifPresent(v -> {
            if (v.getVmti().getField(VmtiMetadataKey.VTargetSeries) instanceof VTargetSeries series) {
                for (VTargetPack target : series.getVTargets()) detection(asset, t, target).ifPresent(out::add);
            }
        });
        return out;
    }

    private Asset platform(UasDatalinkMessage m) {
        for (UasDatalinkTag tag : new UasDatalinkTag[] {UasDatalinkTag.PlatformTailNumber, UasDatalinkTag.PlatformCallSign}) {
            Optional<String> name = field(m, tag, UasDatalinkString.class).map(UasDatalinkString::getValue)
                    .map(String::trim).filter(s -> !s.isEmpty());
            if (name.isPresent()) {
                AssetId id = settings.aliases().getOrDefault(name.get(), AssetId.of(name.get()));
                return validator.asset(id);
            }
        }
        return validator.asset(settings.defaultAsset().orElseThrow(() -> new RejectedInput(Reasons.UNKNOWN_SENDER,
                "ST 0601 set names no platform (tail number, call sign) and the port has no default asset")));
    }

    private Optional<List<GeoPoint>> corners(UasDatalinkMessage m) {
        UasDatalinkTag[][] full = {
                {UasDatalinkTag.CornerLatPt1, UasDatalinkTag.CornerLonPt1}, {UasDatalinkTag.CornerLatPt2, UasDatalinkTag.CornerLonPt2},
                {UasDatalinkTag.CornerLatPt3, UasDatalinkTag.CornerLonPt3}, {UasDatalinkTag.CornerLatPt4, UasDatalinkTag.CornerLonPt4}};
        UasDatalinkTag[][] offsets = {
                {UasDatalinkTag.OffsetCornerLatitudePoint1, UasDatalinkTag.OffsetCornerLongitudePoint1},
                {UasDatalinkTag.OffsetCornerLatitudePoint2, UasDatalinkTag.OffsetCornerLongitudePoint2},
                {UasDatalinkTag.OffsetCornerLatitudePoint3, UasDatalinkTag.OffsetCornerLongitudePoint3},
                {UasDatalinkTag.OffsetCornerLatitudePoint4, UasDatalinkTag.OffsetCornerLongitudePoint4}};
        List<GeoPoint> ring = new ArrayList<>(5);
        if (m.getField(UasDatalinkTag.CornerLatPt1) != null) {
            for (UasDatalinkTag[] c : full) {
                var lat = degrees(m, c[0]);
                var lon = degrees(m, c[1]);
                if (lat.isEmpty() || lon.isEmpty()) return Optional.empty();
                ring.add(validator.point(lat.get(), lon.get(), "ST 0601 " + c[0]));
            }
        } else {
            var cLat = degrees(m, UasDatalinkTag.FrameCenterLatitude);
            var cLon = degrees(m, UasDatalinkTag.FrameCenterLongitude);
            if (cLat.isEmpty() || cLon.isEmpty()) return Optional.empty();
            validator.point(cLat.get(), cLon.get(), "ST 0601 frame centre");
            for (UasDatalinkTag[] c : offsets) {
                var dLat = field(m, c[0], CornerOffset.class);
                var dLon = field(m, c[1], CornerOffset.class);
                if (dLat.isEmpty() || dLon.isEmpty()) return Optional.empty();
                ring.add(validator.point(cLat.get() + dLat.get().getDegrees(), cLon.get() + dLon.get().getDegrees(),
                        "ST 0601 " + c[0]));
            }
        }
        ring.add(ring.getFirst());
        return Optional.of(ring);
    }

    private Optional<Observation> detection(Asset asset, Instant t, VTargetPack target) {
        if (!(target.getField(VTargetMetadataKey.TargetLocation) instanceof TargetLocation location)) return Optional.empty();
        LocationPack p = location.getTargetLocation();
        if (p.getLat() == null || p.getLon() == null) return Optional.empty();
        GeoPoint at = validator.point(p.getLat(), p.getLon(), "ST 0903 target " + target.getTargetIdentifier());
        double cep = settings.targetCepM();
        if (p.getSigEast() != null && p.getSigNorth() != null) {
            double se = validator.nonNegative(p.getSigEast(), "ST 0903 sigEast");
            double sn = validator.nonNegative(p.getSigNorth(), "ST 0903 sigNorth");
            cep = CEP_PER_SIGMA * Math.sqrt((se * se + sn * sn) / 2);
        }
        double confidence = target.getField(VTargetMetadataKey.TargetConfidenceLevel) instanceof TargetConfidenceLevel c
                ? Math.max(0, Math.min(100, c.getConfidence())) / 100.0 : 0.5;
        return Optional.of(new Observation.Detection(asset.id(), t, at, cep, ObjectClass.UNKNOWN, confidence,
                Optional.empty(), 0, 1, Optional.of("vmti-" + target.getTargetIdentifier())));
    }

    private static Optional<Double> degrees(UasDatalinkMessage m, UasDatalinkTag tag) {
        IUasDatalinkValue v = m.getField(tag);
        if (v instanceof UasDatalinkLatitude lat) return Optional.of(lat.getDegrees());
        if (v instanceof UasDatalinkLongitude lon) return Optional.of(lon.getDegrees());
        return Optional.empty();
    }

    private static <T> Optional<T> field(UasDatalinkMessage m, UasDatalinkTag tag, Class<T> type) {
        IUasDatalinkValue v = m.getField(tag);
        return type.isInstance(v) ? Optional.of(type.cast(v)) : Optional.empty();
    }
}
