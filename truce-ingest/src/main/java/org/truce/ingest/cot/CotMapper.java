package org.truce.ingest.cot;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.truce.ground.PartyId;
import org.truce.geo.GeoPoint;
import org.truce.ingest.ObservationValidator;
import org.truce.ingest.Reasons;
import org.truce.ingest.RejectedInput;
import org.truce.sensing.Appearance;
import org.truce.sensing.Asset;
import org.truce.ground.AssetId;
import org.truce.ground.ObjectClass;
import org.truce.sensing.Observation;

/**
 * Turns CoT events into observations.
 *
 * <p><b>Who sent it.</b> A name (a CoT uid or a callsign) maps to a registered asset through the configured
 * {@code aliases} (name → asset id), else when the name is itself a registered asset id. An event is:
 * <ul>
 *   <li>a <em>self report</em> — a {@link Observation.PlatformFix} of the asset — when its uid, or failing that its
 *       {@code <contact callsign>}, names a registered asset and its type is an atom ({@code a-…});</li>
 *   <li>a <em>detection</em> — a {@link Observation.Detection} by the asset named by its
 *       {@code <link relation="p-p" uid=…>} (the producer) — when its type is an atom ({@code a-h-G…}, {@code a-u-G…})
 *       or a sensor point of interest ({@code b-m-p-s-p-i}); the CoT uid becomes the {@code sensorTrackId}.</li>
 * </ul>
 * Anything else with a point and no resolvable sender is refused ({@code unknown-sender}); other event types
 * (drawings, chat, control) are ignored.
 *
 * <p><b>Uncertainty.</b> CoT {@code ce} is a 90 % circular error; for a circular normal error CEP = CE90 ×
 * 1.1774 / 2.1460 ≈ 0.549 × CE90. An unknown {@code ce} (9999999) becomes the asset's sensor range, the
 * most the detection could be off. Classification comes from the 2525 function in the type
 * ({@code G-E-V-A-T} tank, {@code G-E-V-A-A} APC, …) unless the Truce extension names it; side, side confidence,
 * class confidence and count from the optional
 * {@code <_truce side="AZ" sideConfidence="0.9" class="TANK" classConfidence="0.8" count="3"/>} detail element
 * ({@code class} is an {@link ObjectClass} name, for the classes 2525 types cannot tell apart, such as personnel),
 * and a re-identification descriptor as {@code appearance="0.12 -1.3 ..." appearanceSigma="0.7"} ({@link Appearance}).
 * TAK clients ignore detail elements they do not know.
 * Stateless apart from the aliases; thread-safe.
 */
public final class CotMapper {
    /** CEP / CE90 for a circular normal error. */
    public static final double CEP_PER_CE90 = 1.1774 / 2.1460;
    static final double DEFAULT_CLASS_CONFIDENCE = 0.5;

    private final ObservationValidator validator;
    private final Map<String, AssetId> aliases;

    /** @param aliases CoT uid or callsign → asset id, for devices whose uid is not the asset id */
    public CotMapper(ObservationValidator validator, Map<String, AssetId> aliases) {
        this.validator = Objects.requireNonNull(validator);
        this.aliases = Map.copyOf(aliases);
    }

    public ObservationValidator validator() {
        return validator;
    }

    /** The observation an event stands for; empty for event types the center does not ingest. */
    public Optional<Observation> map(CotEvent e) {
        boolean atom = e.type().startsWith("a-");
        boolean sensorPoint = e.type().startsWith("b-m-p-s-p-i");
        if (!atom && !sensorPoint) return Optional.empty();
        Optional<Asset> self = resolve(e.uid()).or(() -> e.detail().callsign().flatMap(this::resolve));
        if (self.isPresent() && atom && e.detail().linkParent().map(p -> resolve(p).equals(self)).orElse(true)) {
            return Optional.of(fix(self.get(), e));
        }
        String producer = e.detail().linkParent().orElseThrow(() -> new RejectedInput(Reasons.UNKNOWN_SENDER,
                "CoT event " + e.uid() + " (" + e.type() + ") names no registered asset: no <link relation=\"p-p\">, "
                        + "and neither its uid nor its callsign is registered"));
        Asset asset = resolve(producer).orElseThrow(() -> new RejectedInput(Reasons.UNKNOWN_ASSET,
                "CoT event " + e.uid() + ": producer " + producer + " is not a registered asset"));
        return Optional.of(detection(asset, e));
    }

    private Optional<Asset> resolve(String name) {
        AssetId id = aliases.get(name);
        if (id != null) return validator.find(id);
        try {
            return validator.find(AssetId.of(name));
        } catch (IllegalArgumentException blank) {
            return Optional.empty();
        }
    }

    private Observation.PlatformFix fix(Asset asset, CotEvent e) {
        GeoPoint p = validator.point(e.lat(), e.lon(), "event " + e.uid() + " point");
        double hae = e.hae() == CotEvent.UNKNOWN_ERROR ? 0 : validator.altitude(e.hae(), "event " + e.uid() + " point.hae");
        double heading = e.detail().course().map(c -> validator.finite(c, "track.course")).orElse(0.0);
        double speed = e.detail().speed().map(s -> validator.nonNegative(s, "track.speed")).orElse(0.0);
        return new Observation.PlatformFix(asset.id(), validator.time(e.time(), "event " + e.uid() + " time"), p, hae,
                cep(asset, e), ((heading % 360) + 360) % 360, speed);
    }

    private Observation.Detection detection(Asset asset, CotEvent e) {
        GeoPoint p = validator.point(e.lat(), e.lon(), "event " + e.uid() + " point");
        Map<String, String> t = e.detail().truce();
        ObjectClass cls = t.containsKey("class") ? objectClass(t.get("class")) : classify(e.type());
        double classConfidence = probability(t, "classConfidence", DEFAULT_CLASS_CONFIDENCE);
        Optional<PartyId> side = Optional.ofNullable(t.get("side")).filter(s -> !s.isBlank()).map(PartyId::new);
        double sideConfidence = side.isEmpty() ? 0 : probability(t, "sideConfidence", 0.5);
        int count = 1;
        if (t.containsKey("count")) {
            try {
                count = Integer.parseInt(t.get("count").trim());
            } catch (NumberFormatException ex) {
                count = 0;
            }
            if (count < 1 || count > 10_000) {
                throw new RejectedInput(Reasons.INVALID_VALUE, "_truce count=\"" + t.get("count") + "\" must be 1..10000");
            }
        }
        return new Observation.Detection(asset.id(), validator.time(e.time(), "event " + e.uid() + " time"), p,
                cep(asset, e), cls, classConfidence, side, sideConfidence, count, Optional.of(e.uid()), appearance(t));
    }

    /** {@code appearance="c1 c2 ..."} with {@code appearanceSigma}, the re-identification descriptor, if given. */
    private static Optional<Appearance> appearance(Map<String, String> t) {
        String v = t.get("appearance");
        if (v == null || v.isBlank()) return Optional.empty();
        String sigma = t.get("appearanceSigma");
        if (sigma == null) {
            throw new RejectedInput(Reasons.INVALID_VALUE, "_truce appearance needs appearanceSigma, its noise");
        }
        List<Double> descriptor = new ArrayList<>();
        double noise;
        try {
            for (String c : v.trim().split("\\s+")) descriptor.add(Double.parseDouble(c));
            noise = Double.parseDouble(sigma.trim());
        } catch (NumberFormatException ex) {
            throw new RejectedInput(Reasons.MALFORMED, "_truce appearance=\"" + v + "\" appearanceSigma=\"" + sigma
                    + "\": not numbers separated by spaces");
        }
        try {
            return Optional.of(new Appearance(descriptor, noise));
        } catch (IllegalArgumentException ex) {
            throw new RejectedInput(Reasons.INVALID_VALUE, "_truce " + ex.getMessage());
        }
    }

    private static ObjectClass objectClass(String v) {
        try {
            return ObjectClass.valueOf(v.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException ex) {
            throw new RejectedInput(Reasons.INVALID_VALUE, "_truce class=\"" + v + "\" is not one of "
                    + java.util.Arrays.toString(ObjectClass.values()));
        }
    }

    private double probability(Map<String, String> t, String key, double absent) {
        String v = t.get(key);
        if (v == null) return absent;
        double d;
        try {
            d = Double.parseDouble(v.trim());
        } catch (NumberFormatException ex) {
            throw new RejectedInput(Reasons.MALFORMED, "_truce " + key + "=\"" + v + "\" is not a number");
        }
        validator.finite(d, "_truce " + key);
        if (d < 0 || d > 1) throw new RejectedInput(Reasons.INVALID_VALUE, "_truce " + key + "=" + d + " must be in [0, 1]");
        return d;
    }

    private double cep(Asset asset, CotEvent e) {
        if (e.ce() == CotEvent.UNKNOWN_ERROR) return asset.sensor().rangeM();
        return validator.nonNegative(e.ce(), "event " + e.uid() + " point.ce") * CEP_PER_CE90;
    }

    /** The object class from the MIL-STD-2525 function part of a CoT atom type ({@code a-<affiliation>-G-…}). */
    static ObjectClass classify(String type) {
        String[] parts = type.split("-");
        if (parts.length < 3 || !"G".equals(parts[2])) return ObjectClass.UNKNOWN;
        String fn = String.join("-", java.util.Arrays.copyOfRange(parts, 2, parts.length));
        boolean neutral = "n".equals(parts[1]);
        if (fn.startsWith("G-E-V-A-T")) return ObjectClass.TANK;
        if (fn.startsWith("G-E-V-A-A") || fn.startsWith("G-E-V-A-C")) return ObjectClass.APC;
        if (fn.startsWith("G-E-W") || fn.startsWith("G-U-C-F")) return ObjectClass.ARTILLERY;
        if (fn.startsWith("G-E-V-C") || fn.startsWith("G-E-V-U")) return neutral ? ObjectClass.CIVILIAN_VEHICLE : ObjectClass.TRUCK;
        if (fn.startsWith("G-E-V")) return neutral ? ObjectClass.CIVILIAN_VEHICLE : ObjectClass.UNKNOWN;
        if (fn.startsWith("G-U-C-I")) return ObjectClass.INFANTRY;
        if (fn.startsWith("G-U-C-A")) return ObjectClass.TANK;
        return ObjectClass.UNKNOWN;
    }
}
