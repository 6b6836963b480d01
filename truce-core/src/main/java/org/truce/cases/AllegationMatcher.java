package org.truce.cases;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.locationtech.jts.geom.Geometry;
import org.truce.geo.LocalProjection;
import org.truce.rules.Incident;

/**
 * Which incidents an allegation is about: same provision, intervals overlapping (the allegation's widened by
 * {@code timeTolerance} on each side, since parties report times loosely), and the incident's 95 % circle
 * intersecting the alleged area, measured in metres in the local projection. Pure and thread-safe.
 */
public final class AllegationMatcher {
    private final LocalProjection projection;
    private final Duration timeTolerance;

    public AllegationMatcher(LocalProjection projection, Duration timeTolerance) {
        this.projection = Objects.requireNonNull(projection);
        this.timeTolerance = Objects.requireNonNull(timeTolerance);
    }

    public boolean matches(Allegation a, Incident i) {
        if (!a.provision().equals(i.provision())) return false;
        if (i.end().isBefore(a.from().minus(timeTolerance)) || i.start().isAfter(a.to().plus(timeTolerance))) return false;
        Geometry alleged = a.area().toLocal(projection);
        Geometry incident = projection.factory().createPoint(projection.toLocal(i.place()))
                .buffer(Math.max(i.uncertaintyM(), 1.0), 32);
        return alleged.intersects(incident);
    }

    /** The incidents of {@code candidates} that {@code a} matches, in the given order. */
    public List<Incident> matching(Allegation a, List<Incident> candidates) {
        return candidates.stream().filter(i -> matches(a, i)).toList();
    }
}
