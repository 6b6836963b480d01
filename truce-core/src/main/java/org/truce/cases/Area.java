package org.truce.cases;

import java.util.List;
import java.util.Objects;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.truce.geo.GeoPoint;
import org.truce.geo.LocalProjection;

/** A place named in an allegation: a point with a radius, or a closed ring (polygon). Immutable. */
public sealed interface Area {

    /** The place as a polygon in the projection's metres. */
    Geometry toLocal(LocalProjection projection);

    /** A point and the radius (metres, ≥ 0) of uncertainty around it. */
    record Circle(GeoPoint center, double radiusM) implements Area {
        public Circle {
            Objects.requireNonNull(center);
            if (!(radiusM >= 0)) throw new IllegalArgumentException("area.radiusM must be >= 0, was " + radiusM);
        }

        @Override
        public Geometry toLocal(LocalProjection projection) {
            Coordinate c = projection.toLocal(center);
            return projection.factory().createPoint(c).buffer(Math.max(radiusM, 1.0), 32);
        }
    }

    /** A closed ring of at least four points, first equal to last. */
    record Ring(List<GeoPoint> points) implements Area {
        public Ring {
            points = List.copyOf(points);
            if (points.size() < 4) throw new IllegalArgumentException("area.ring needs at least 4 points, had " + points.size());
            if (!points.get(0).equals(points.get(points.size() - 1))) {
                throw new IllegalArgumentException("area.ring must be closed: first point " + points.get(0)
                        + " differs from last " + points.get(points.size() - 1));
            }
        }

        @Override
        public Geometry toLocal(LocalProjection projection) {
            Coordinate[] cs = points.stream().map(projection::toLocal).toArray(Coordinate[]::new);
            cs[cs.length - 1] = cs[0];
            Geometry polygon = projection.factory().createPolygon(cs);
            if (!polygon.isValid()) throw new IllegalArgumentException("area.ring is not a valid polygon (self-intersecting?)");
            return polygon;
        }
    }
}
