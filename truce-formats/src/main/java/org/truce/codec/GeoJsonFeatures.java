package org.truce.codec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.geojson.GeoJsonWriter;
import org.truce.agreement.Agreement;
import org.truce.agreement.Zone;
import org.truce.geo.GeoPoint;

/**
 * The one RFC 7946 GeoJSON feature writer that the API, OGC API – Features and the exports share, so a zone or a
 * point reads the same wherever it is fetched. Geometries are WGS 84 lon/lat written by JTS's GeoJSON writer with
 * {@value #DECIMALS} decimals (about 0.1 m), polygons wound counter-clockwise (RFC 7946 §3.1.6) and no {@code crs}
 * member; a feature is {@code {"type":"Feature","id":…,"geometry":…,"properties":{…}}}, the properties being the
 * caller's. Stateless and thread-safe (a JTS writer is made per geometry: it is not documented as thread-safe).
 */
public final class GeoJsonFeatures {
    /** Decimal places of every coordinate written. */
    public static final int DECIMALS = 6;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper TREES = new ObjectMapper();

    private GeoJsonFeatures() {}

    /** A feature with empty properties, for the caller to fill. */
    public static ObjectNode feature(String id, JsonNode geometry) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(geometry, "geometry");
        ObjectNode f = NODES.objectNode();
        f.put("type", "Feature");
        f.put("id", id);
        f.set("geometry", geometry);
        f.putObject("properties");
        return f;
    }

    /** The feature's properties object (made by {@link #feature}). */
    public static ObjectNode properties(ObjectNode feature) {
        return (ObjectNode) feature.get("properties");
    }

    /** A {@code Point} geometry at {@code p} (full double precision, as positions are reported). */
    public static ObjectNode point(GeoPoint p) {
        ObjectNode g = NODES.objectNode();
        g.put("type", "Point");
        g.putArray("coordinates").add(p.lon()).add(p.lat());
        return g;
    }

    /** A JTS geometry (x = lon, y = lat) as a GeoJSON geometry object. */
    public static JsonNode geometry(Geometry g) {
        GeoJsonWriter writer = new GeoJsonWriter(DECIMALS);
        writer.setEncodeCRS(false);
        writer.setForceCCW(true);
        try {
            return TREES.readTree(writer.write(g));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("JTS wrote unreadable GeoJSON for a " + g.getGeometryType(), e);
        }
    }

    /**
     * A zone as a feature: its outline, and properties {@code id, name, role, heldBy} (only when held),
     * {@code source, caveat}, in that order.
     */
    public static ObjectNode zone(Zone z) {
        ObjectNode f = feature(z.id().value(), geometry(z.geometry()));
        ObjectNode p = properties(f);
        p.put("id", z.id().value());
        p.put("name", z.name());
        p.put("role", z.role().name());
        z.heldBy().ifPresent(h -> p.put("heldBy", h.value()));
        p.put("source", z.source());
        p.put("caveat", z.caveat());
        return f;
    }

    /** An empty {@code FeatureCollection}; add features to {@link #features}. */
    public static ObjectNode collection() {
        ObjectNode fc = NODES.objectNode();
        fc.put("type", "FeatureCollection");
        fc.putArray("features");
        return fc;
    }

    /** The collection's feature array (made by {@link #collection}). */
    public static ArrayNode features(ObjectNode collection) {
        return (ArrayNode) collection.get("features");
    }

    /**
     * Every zone of the agreement in agreement order, with a {@code bbox} over them all (before the features, as
     * RFC 7946 §5 shows it).
     */
    public static ObjectNode zones(Agreement agreement) {
        ObjectNode fc = NODES.objectNode();
        fc.put("type", "FeatureCollection");
        Envelope all = new Envelope();
        ArrayNode features = NODES.arrayNode();
        for (Zone z : agreement.zones().values()) {
            all.expandToInclude(z.geometry().getEnvelopeInternal());
            features.add(zone(z));
        }
        if (!all.isNull()) {
            fc.putArray("bbox").add(all.getMinX()).add(all.getMinY()).add(all.getMaxX()).add(all.getMaxY());
        }
        fc.set("features", features);
        return fc;
    }
}
