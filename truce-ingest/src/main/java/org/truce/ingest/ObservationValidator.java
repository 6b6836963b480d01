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

    /** A WGS 84 point from raw degrees; {@code where} names the field for the error. */
    public GeoPoint point(double lat, double lon, String where) {
        finite(lat, where + ".lat");
        finite(lon, where + ".lon");
        if (lat < -90 || lat > 90 || lon < -180 || lon > 180) {
            throw new RejectedInput(Reasons.COORDINATE_RANGE, String.format(Locale.ROOT,
                    "%s: (lat %s, lon %s) is outside [-90, 90] × [-180, 180]", where, lat, lon));
        }
        return new GeoPoint(lat, lon);
    }

    public double altitude(double metres, String where) {
        finite(metres, where);
        if (metres < limits.minAltitudeM() || metres > limits.maxAltitudeM()) {
            throw new RejectedInput(Reasons.ALTITUDE_RANGE, String.format(Locale.ROOT,
                    "%s: %s m is outside [%s, %s] m", where, metres, limits.minAltitudeM(), limits.maxAltitudeM()));
        }
        return metres;
    }

    public double finite(double v, String where) {
        if (!Double.isFinite(v)) throw new RejectedInput(Reasons.NOT_FINITE, where + ": " + v + " is not a finite number");
        return v;
    }

    public double nonNegative(double v, String where) {
        finite(v, where);
        if (v < 0) throw new RejectedInput(Reasons.INVALID_VALUE, where + ": " + v + " must be >= 0");
        return v;
    }

    /** Checks the measurement time against the center clock and the configured skew. */
    public Instant time(Instant t, String where) {
        if (clock instanceof SensorClock sensors) {
            // A center on its sensors' time measures the skew from the latest sensor time (see SensorClock).
            var refusal = sensors.outOfBounds(t, limits.maxPastSkew());
            if (refusal.isPresent()) {
                throw new RejectedInput(refusal.get().reason().equals("stale") ? Reasons.STALE : Reasons.FUTURE,
                        where + ": " + refusal.get().detail());
            }
            return t;
        }
        Instant now = clock.instant();
        if (t.isBefore(now.minus(limits.maxPastSkew()))) {
            throw new RejectedInput(Reasons.STALE, where + ": " + t + " is more than " + limits.maxPastSkew()
                    + " before the center clock " + now);
        }
        if (t.isAfter(now.plus(limits.maxFutureSkew()))) {
            throw new RejectedInput(Reasons.FUTURE, where + ": " + t + " is more than " + limits.maxFutureSkew()
                    + " after the center clock " + now);
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

    public Asset asset(AssetId id) {
        return assets.find(id).orElseThrow(() ->
                new RejectedInput(Reasons.UNKNOWN_ASSET, "asset " + id + " is not registered"));
    }

    /** The asset bound to a MAVLink system id ({@code Asset.systemId}). */
    public Asset systemId(int systemId) {
        return assets.bySystemId(systemId).orElseThrow(() -> new RejectedInput(Reasons.UNKNOWN_SYSTEM_ID,
                "no asset is bound to MAVLink system id " + systemId));
    }

    /** Applies every check to an already decoded observation (JSON from MQTT, for instance). */
    public Observation check(Observation o) {
        asset(o.asset());
        time(o.time(), o.kind() + ".time");
        switch (o) {
            case Observation.PlatformFix f -> altitude(f.altitudeM(), "fix.altitudeM");
            case Observation.Footprint f -> {
                if (f.ring().size() > 1000) {
                    throw new RejectedInput(Reasons.OVERSIZE, "footprint.ring: " + f.ring().size()
                            + " points exceed the limit of 1000");
                }
            }
            case Observation.Detection d -> { }
            case Observation.FireCue c -> { }
        }
        return o;
    }
}
