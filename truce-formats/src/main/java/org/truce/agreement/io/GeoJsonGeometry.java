package org.truce.agreement.io;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import java.util.Set;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;

/**
 * Reads one GeoJSON geometry object (RFC 7946: WGS 84, [lon, lat]) into JTS with x = lon, y = lat, and checks
 * that it is of an expected type, in range and topologically valid. Stateless and thread-safe.
 */
final class GeoJsonGeometry {
    static final Set<String> AREAS = Set.of("Polygon", "MultiPolygon");
    static final Set<String> LINES = Set.of("LineString", "MultiLineString");

    private static final GeometryFactory FACTORY = new GeometryFactory();

    private GeoJsonGeometry() {}

    /** The geometry at {@code at} in {@code src}, or empty after reporting why it is unusable. */
    static Optional<Geometry> read(JsonNode node, JsonPath at, Set<String> types, JsonSource src, Problems problems) {
        if (!node.isObject()) {
            problems.add(src, at, "expected a GeoJSON geometry object, got " + Fields.kind(node));
            return Optional.empty();
        }
        JsonNode type = node.get("type");
        if (type == null || !type.isTextual() || !types.contains(type.textValue())) {
            problems.add(src, at.child("type"), "expected a GeoJSON geometry of type " + String.join(" or ", types.stream().sorted().toList())
                    + ", got " + (type == null ? "no type" : type.isTextual() ? "'" + type.textValue() + "'" : Fields.kind(type)));
            return Optional.empty();
        }
        Geometry g;
        try {
            g = new GeoJsonReader(FACTORY).read(node.toString());
        } catch (ParseException | RuntimeException e) {
            String cause = e.getCause() == null || e.getCause().getMessage() == null ? "" : " (" + e.getCause().getMessage() + ")";
            problems.add(src, at.child("coordinates"), "bad GeoJSON " + type.textValue() + ": " + e.getMessage() + cause);
            return Optional.empty();
        }
        g.setSRID(0);
        for (Coordinate c : g.getCoordinates()) {
            if (!(Math.abs(c.x) <= 180 && Math.abs(c.y) <= 90)) {
                problems.add(src, at.child("coordinates"), "coordinate [" + c.x + ", " + c.y
                        + "] is out of range (GeoJSON order is [longitude, latitude])");
                return Optional.empty();
            }
        }
        if (g.isEmpty()) {
            problems.add(src, at.child("coordinates"), "the geometry is empty");
            return Optional.empty();
        }
        return validityError(g).map(reason -> {
            problems.add(src, at, reason);
            return Optional.<Geometry>empty();
        }).orElse(Optional.of(g));
    }

    /** Why a WGS 84 geometry is invalid (e.g. self-intersecting), with the place in lon/lat, or empty if it is valid. */
    static Optional<String> validityError(Geometry g) {
        TopologyValidationError err = new IsValidOp(g).getValidationError();
        if (err == null) return Optional.empty();
        Coordinate c = err.getCoordinate();
        String where = c == null ? "" : String.format(java.util.Locale.ROOT, " at [%.6f, %.6f]", c.x, c.y);
        return Optional.of("invalid geometry: " + err.getMessage() + where);
    }
}
