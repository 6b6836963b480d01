package org.truce.fusion.coverage;

import java.time.Instant;
import java.util.Objects;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.truce.geo.LocalProjection;
import org.truce.sensing.Observation;

/**
 * One look of a sensor at the ground: the footprint it watched at an instant and how likely it was to detect a
 * vehicle there. Built by the caller from {@link org.truce.sensing.Observation.Footprint}, with the footprint in a
 * local metric frame (metres). Immutable (the caller must not mutate the geometry afterwards).
 *
 * @param asset                the looking asset's id
 * @param footprint            a Polygon or MultiPolygon in local metres, non-empty
 * @param detectionProbability probability in [0, 1] of detecting a vehicle inside the footprint on this look
 */
public record Look(String asset, Instant time, Geometry footprint, double detectionProbability) {
    /** A footprint observation as a look, its ring projected into the local frame of {@code projection}. */
    public static Look from(Observation.Footprint f, LocalProjection projection) {
        GeometryFactory gf = projection.factory();
        Coordinate[] ring = f.ring().stream().map(p -> new Coordinate(p.lon(), p.lat())).toArray(Coordinate[]::new);
        Geometry local = projection.toLocal(gf.createPolygon(ring));
        if (!local.isValid()) {
            local = GeometryFixer.fix(local);
        }
        return new Look(f.asset().value(), f.time(), local, f.detectionProbability());
    }

    public Look {
        Objects.requireNonNull(asset, "asset");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(footprint, "footprint");
        if (!(footprint instanceof Polygonal) || footprint.isEmpty()) {
            throw new IllegalArgumentException("look by " + asset + " at " + time
                    + ": footprint must be a non-empty Polygon or MultiPolygon, got " + footprint.getGeometryType());
        }
        if (!(detectionProbability >= 0 && detectionProbability <= 1)) {
            throw new IllegalArgumentException("look by " + asset + " at " + time
                    + ": detectionProbability must be in [0, 1], got " + detectionProbability);
        }
    }
}
