package org.truce.airspace;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.truce.geo.GeoPoint;

/**
 * The ground shape of a flight plan: a {@link Shape#ROUTE} the drone flies along (at least two distinct points) or
 * an {@link Shape#AREA} it stays within (one closed, simple ring of at least four points, first equal to last).
 * In JSON it is the RFC 7946 GeoJSON geometry ({@code LineString} or {@code Polygon} without holes, lon/lat), so
 * the same text reads in any GIS. Construction refuses anything else with an {@link IllegalArgumentException}
 * naming the fault. Immutable.
 */
public record FlightPath(Shape shape, List<GeoPoint> points) {
    /** Which kind of ground shape. */
    public enum Shape {
        /** A line to fly along: GeoJSON {@code LineString}. */
        ROUTE("LineString"),
        /** An area to stay within: GeoJSON {@code Polygon}. */
        AREA("Polygon");

        private final String geoJsonType;

        Shape(String geoJsonType) {
            this.geoJsonType = geoJsonType;
        }

        public String geoJsonType() {
            return geoJsonType;
        }
    }

    private static final GeometryFactory WGS84 = new GeometryFactory(new PrecisionModel(), 4326);

    public FlightPath {
        Objects.requireNonNull(shape, "shape");
        points = List.copyOf(points);
        switch (shape) {
            case ROUTE -> {
                if (points.size() < 2) throw new IllegalArgumentException("a route needs at least 2 points, had " + points.size());
                if (points.stream().distinct().count() < 2) throw new IllegalArgumentException("a route needs 2 distinct points");
            }
            case AREA -> {
                if (points.size() < 4) throw new IllegalArgumentException("an area's ring needs at least 4 points, had " + points.size());
                if (!points.get(0).equals(points.get(points.size() - 1))) {
                    throw new IllegalArgumentException("an area's ring must be closed: first point " + lonLat(points.get(0))
                            + " differs from last " + lonLat(points.get(points.size() - 1)));
                }
            }
        }
        if (shape == Shape.AREA) {
            Geometry g = polygon(points);
            if (!g.isValid() || g.getArea() == 0) {
                throw new IllegalArgumentException("an area's ring must enclose an area without crossing itself");
            }
        }
    }

    /** A route through {@code points}. */
    public static FlightPath route(List<GeoPoint> points) {
        return new FlightPath(Shape.ROUTE, points);
    }

    /** An area bounded by the closed ring {@code points}. */
    public static FlightPath area(List<GeoPoint> points) {
        return new FlightPath(Shape.AREA, points);
    }

    /** The path as a JTS geometry in WGS 84 lon/lat (x = lon, y = lat). */
    public Geometry toGeometry() {
        return shape == Shape.ROUTE ? WGS84.createLineString(coordinates(points)) : polygon(points);
    }

    /** The lon/lat envelope. */
    public Envelope envelope() {
        Envelope e = new Envelope();
        points.forEach(p -> e.expandToInclude(p.lon(), p.lat()));
        return e;
    }

    /** The GeoJSON geometry object (what {@code org.truce.codec.TruceJson} writes for a path). */
    public Map<String, Object> geoJson() {
        List<List<Double>> line = new ArrayList<>();
        for (GeoPoint p : points) line.add(List.of(p.lon(), p.lat()));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", shape.geoJsonType());
        m.put("coordinates", shape == Shape.ROUTE ? line : List.of(line));
        return m;
    }

    private static Geometry polygon(List<GeoPoint> ring) {
        return WGS84.createPolygon(coordinates(ring));
    }

    private static Coordinate[] coordinates(List<GeoPoint> ps) {
        return ps.stream().map(p -> new Coordinate(p.lon(), p.lat())).toArray(Coordinate[]::new);
    }

    private static String lonLat(GeoPoint p) {
        return "[" + p.lon() + ", " + p.lat() + "]";
    }
}
