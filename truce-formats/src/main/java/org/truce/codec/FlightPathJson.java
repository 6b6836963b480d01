package org.truce.codec;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.truce.airspace.FlightPath;
import org.truce.geo.GeoPoint;

/**
 * Reads a {@link FlightPath} from its RFC 7946 GeoJSON geometry ({@code LineString} = route, {@code Polygon} with
 * one ring = area, lon/lat); the writing side is {@link FlightPath#geoJson()}. Kept here, not on the domain type,
 * so the core does not know JSON. Stateless and thread-safe.
 */
public final class FlightPathJson {
    private FlightPathJson() {}

    /**
     * Reads a GeoJSON {@code LineString} or {@code Polygon} (exterior ring only).
     *
     * @throws IllegalArgumentException saying what is wrong with it
     */
    public static FlightPath read(JsonNode g) {
        if (g == null || !g.isObject()) throw new IllegalArgumentException("the path must be a GeoJSON geometry object");
        String type = g.path("type").asText("");
        JsonNode c = g.path("coordinates");
        if (!c.isArray()) throw new IllegalArgumentException("the path's 'coordinates' must be an array");
        return switch (type) {
            case "LineString" -> FlightPath.route(positions(c, "coordinates"));
            case "Polygon" -> {
                if (c.size() != 1) {
                    throw new IllegalArgumentException("a Polygon path must have exactly one ring (no holes); had " + c.size());
                }
                yield FlightPath.area(positions(c.get(0), "coordinates[0]"));
            }
            default -> throw new IllegalArgumentException("the path's type must be LineString (a route) or Polygon "
                    + "(an area); got '" + type + "'");
        };
    }

    private static List<GeoPoint> positions(JsonNode array, String where) {
        if (!array.isArray()) throw new IllegalArgumentException("'" + where + "' must be an array of positions");
        List<GeoPoint> out = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            JsonNode p = array.get(i);
            if (!p.isArray() || p.size() < 2 || p.size() > 3 || !p.get(0).isNumber() || !p.get(1).isNumber()) {
                throw new IllegalArgumentException("'" + where + "[" + i + "]' must be a position [lon, lat]");
            }
            try {
                out.add(GeoPoint.of(p.get(1).asDouble(), p.get(0).asDouble()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("'" + where + "[" + i + "]': " + e.getMessage());
            }
        }
        return out;
    }
}
