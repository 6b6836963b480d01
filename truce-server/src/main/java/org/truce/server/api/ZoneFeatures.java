package org.truce.server.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.io.geojson.GeoJsonWriter;
import org.truce.agreement.Agreement;
import org.truce.agreement.Zone;

/**
 * The agreement's zones as an RFC 7946 GeoJSON FeatureCollection: one feature per zone, in agreement order, with
 * properties {@code id, name, role, heldBy (when held), source, caveat}; polygons wound counter-clockwise, six
 * decimals (~0.1 m), and a {@code bbox} over all zones. Geometries are written by JTS's GeoJSON writer.
 */
public final class ZoneFeatures {
    private static final int DECIMALS = 6;

    private ZoneFeatures() {}

    /** The collection as a JSON string (computed once per agreement by the caller; zones never change). */
    public static String featureCollection(Agreement agreement, ObjectMapper mapper) {
        GeoJsonWriter writer = new GeoJsonWriter(DECIMALS);
        writer.setEncodeCRS(false);
        writer.setForceCCW(true);
        ObjectNode fc = mapper.createObjectNode();
        fc.put("type", "FeatureCollection");
        Envelope all = new Envelope();
        ArrayNode features = mapper.createArrayNode();
        for (Zone z : agreement.zones().values()) {
            all.expandToInclude(z.geometry().getEnvelopeInternal());
            ObjectNode f = features.addObject();
            f.put("type", "Feature");
            f.put("id", z.id().value());
            try {
                f.set("geometry", mapper.readTree(writer.write(z.geometry())));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("JTS wrote unreadable GeoJSON for zone " + z.id(), e);
            }
            ObjectNode p = f.putObject("properties");
            p.put("id", z.id().value());
            p.put("name", z.name());
            p.put("role", z.role().name());
            z.heldBy().ifPresent(h -> p.put("heldBy", h.value()));
            p.put("source", z.source());
            p.put("caveat", z.caveat());
        }
        if (!all.isNull()) {
            ArrayNode bbox = fc.putArray("bbox");
            bbox.add(all.getMinX()).add(all.getMinY()).add(all.getMaxX()).add(all.getMaxY());
        }
        fc.set("features", features);
        try {
            return mapper.writeValueAsString(fc);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
