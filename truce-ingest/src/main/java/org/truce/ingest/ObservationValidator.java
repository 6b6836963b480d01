package org.truce.ingest;

import java.time.Instant;
import java.time.InstantSource;
import java.util.Locale;
import java.util.Objects;
import org.truce.geo.GeoPoint;
import org.truce.sensing.Asset;
import org.truce.ground.AssetId;
import org.truce.sensing.Observation;
import org.truce.store.AssetRegistry;
import org.truce.time.SensorClock;

/**
 * The checks every adapter applies before an observation reaches the center: finite numbers, coordinates in range,
 * altitude within bounds, time within the skew bounds of the center clock, frame size, and a registered asset
 * (for MAVLink, the asset bound to the system id). Each check throws {@link RejectedInput} with a {@link Reasons}
 * label and a detail naming the field and value. Thread-safe (stateless apart from the registry and clock).
 */
public final class ObservationValidator {
    private final AssetRegistry assets;
    private final InstantSource clock;
    private final ValidationLimits limits;

    public ObservationValidator(AssetRegistry assets, InstantSource clock, ValidationLimits limits) {
        this.assets = Objects.requireNonNull(assets);
        this.clock = Objects.requireNonNull(clock);
        this.limits = Objects.requireNonNull(limits);
    }

    public ValidationLimits limits() {
        return limits;
    }

    public InstantSource clock() {
        return clock;
    }

    /**
     * A WGS 84 point from raw degrees. {@code where} is the point's field ({@code position}, or empty when the
     * coordinates are top-level fields): a refusal names {@code where.lat} or {@code where.lon}.
     */
    public GeoPoint point(double lat, double lon, String where) {
        finite(lat, join(where, "lat"));
        finite(lon, join(where, "lon"));
        if (lat < -90 || lat > 90 || lon < -180 || lon > 180) {
            throw RejectedInput.at(join(where, lat < -90 || lat > 90 ? "lat" : "lon"), Reasons.COORDINATE_RANGE,
                    String.format(Locale.ROOT, "%s(lat %s, lon %s) is outside [-90, 90] × [-180, 180]",
                            where.isEmpty() ? "" : where + ": ", lat, lon));
        }
        return new GeoPoint(lat, lon);
    }

    /** @param where the field (named by a refusal) */
    public double altitude(double metres, String where) {
        finite(metres, where);
        if (metres < limits.minAltitudeM() || metres > limits.maxAltitudeM()) {
            throw RejectedInput.at(where, Reasons.ALTITUDE_RANGE, String.format(Locale.ROOT,
                    "%s: %s m is outside [%s, %s] m", where, metres, limits.minAltitudeM(), limits.maxAltitudeM()));
        }
        return metres;
    }

    public double finite(double v, String where) {
        if (!Double.isFinite(v)) {
            throw RejectedInput.at(where, Reasons.NOT_FINITE, where + ": " + v + " is not a finite number");
        }
        return v;
    }

    public double nonNegative(double v, String where) {
        finite(v, where);
        if (v < 0) throw RejectedInput.at(where, Reasons.INVALID_VALUE, where + ": " + v + " must be >= 0");
        return v;
    }

    /** Checks the measurement time against the center clock and the configured skew; the one skew check. */
    public Instant time(Instant t, String where) {
        if (clock instanceof SensorClock sensors) {
            // A center on its sensors' time measures the skew from the latest sensor time (see SensorClock).
            var refusal = sensors.outOfBounds(t, limits.maxPastSkew());
            if (refusal.isPresent()) {
                throw RejectedInput.at(where, refusal.get().reason().equals("stale") ? Reasons.STALE : Reasons.FUTURE,
                        where + ": " + refusal.get().detail());
            }
            return t;
        }
        Instant now = clock.instant();
        if (t.isBefore(now.minus(limits.maxPastSkew()))) {
            throw RejectedInput.at(where, Reasons.STALE, where + ": " + t + " is more than " + limits.maxPastSkew()
                    + " before the center clock " + now);
        }
        if (t.isAfter(now.plus(limits.maxFutureSkew()))) {
            throw RejectedInput.at(where, Reasons.FUTURE, where + ": " + t + " is more than "
                    + limits.maxFutureSkew() + " after the center clock " + now);
        }
        return t;
    }

    public void frameSize(long bytes, String where) {
        if (bytes > limits.maxFrameBytes()) {
            throw new RejectedInput(Reasons.OVERSIZE, where + ": " + bytes + " bytes exceed the limit of "
                    + limits.maxFrameBytes());
        }
    }

    /** The registered asset, if any, without refusing. */
    public java.util.Optional<Asset> find(AssetId id) {
        return assets.find(id);
    }

    /** The registered asset; a refusal names the field {@code asset}. */
    public Asset asset(AssetId id) {
        return assets.find(id).orElseThrow(() ->
                RejectedInput.at("asset", Reasons.UNKNOWN_ASSET, "asset " + id + " is not registered"));
    }

    /** The asset bound to a MAVLink system id ({@code Asset.systemId}). */
    public Asset systemId(int systemId) {
        return assets.bySystemId(systemId).orElseThrow(() -> new RejectedInput(Reasons.UNKNOWN_SYSTEM_ID,
                "no asset is bound to MAVLink system id " + systemId));
    }

    /**
     * Applies every check to an already decoded observation (JSON over HTTP or MQTT, a CoT event, a KLV set).
     * Refusals name the field as Truce's JSON form does ({@code asset}, {@code time}, {@code altitudeM},
     * {@code ring}), so every channel refuses the same observation with the same reason and field.
     */
    public Observation check(Observation o) {
        asset(o.asset());
        time(o.time(), "time");
        switch (o) {
            case Observation.PlatformFix f -> altitude(f.altitudeM(), "altitudeM");
            case Observation.Footprint f -> {
                if (f.ring().size() > MAX_RING_POINTS) {
                    throw RejectedInput.at("ring", Reasons.OVERSIZE, "ring: " + f.ring().size()
                            + " points exceed the limit of " + MAX_RING_POINTS);
                }
            }
            case Observation.Detection d -> { }
            case Observation.FireCue c -> { }
        }
        return o;
    }

    /** Most points a footprint ring may have: a sensor's view is a few dozen; more is noise or an attack. */
    public static final int MAX_RING_POINTS = 1000;

    static String join(String a, String b) {
        if (a.isEmpty()) return b;
        if (b.isEmpty()) return a;
        return a + "." + b;
    }
}
