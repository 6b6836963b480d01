package org.truce.fusion.coverage;

import java.time.Instant;
import java.util.Objects;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygonal;

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
