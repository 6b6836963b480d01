package org.truce.fusion.locate;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.locationtech.jts.geom.Coordinate;
import org.truce.ground.uncertainty.Covariance2;
import org.truce.geo.GeoPoint;
import org.truce.geo.LocalProjection;
import org.truce.ground.uncertainty.ErrorEllipse;
import org.truce.ground.uncertainty.PositionEstimate;

/**
 * A fire event located from several cues, in the local metric frame. Immutable.
 *
 * @param time              estimated time of the event: the emission time when acoustic arrivals took part, else
 *                          the earliest cue's time
 * @param x                 east, m
 * @param y                 north, m
 * @param covariance        position covariance: the inverse Fisher information J^T R^-1 J at the estimate, i.e. the
 *                          Cramér–Rao bound of the geometry evaluated there
 * @param ellipse95         the 95 % error ellipse of {@code covariance} (chi-square(2) quantile 5.991)
 * @param chiSquare         sum of squared normalised residuals at the estimate
 * @param degreesOfFreedom  measurements minus unknowns (0 for an exactly determined fix)
 * @param iterations        Levenberg–Marquardt iterations of the winning start
 * @param evidence          ids of the cues used, in time order
 */
public record LocatedEvent(Instant time, double x, double y, Covariance2 covariance, ErrorEllipse ellipse95,
                           double chiSquare, int degreesOfFreedom, int iterations, List<String> evidence) {
    public LocatedEvent {
        Objects.requireNonNull(time);
        Objects.requireNonNull(covariance);
        Objects.requireNonNull(ellipse95);
        evidence = List.copyOf(evidence);
    }

    /** The position in WGS 84 through {@code projection} (the one the cues were projected with). */
    public GeoPoint geoPosition(LocalProjection projection) {
        return projection.toGeo(new Coordinate(x, y));
    }

    public PositionEstimate position() {
        return new PositionEstimate(x, y, covariance);
    }
}
