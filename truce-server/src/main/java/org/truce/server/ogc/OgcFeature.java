package org.truce.server.ogc;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import org.locationtech.jts.geom.Envelope;

/**
 * One feature of an OGC collection, ready to serve: its GeoJSON (RFC 7946, WGS 84 lon/lat) and what the
 * {@code bbox} and {@code datetime} filters compare against. Immutable by contract: nobody mutates {@code geoJson}
 * after construction (handlers copy it before adding links).
 *
 * @param id       the feature id, unique within its collection
 * @param envelope the geometry's lon/lat envelope
 * @param time     when the feature holds; {@link TimeInterval#ALWAYS} for timeless features (zones)
 * @param geoJson  the GeoJSON Feature object, with {@code id}, {@code geometry} and {@code properties}
 */
public record OgcFeature(String id, Envelope envelope, TimeInterval time, ObjectNode geoJson) {
    public OgcFeature {
        Objects.requireNonNull(id); Objects.requireNonNull(envelope);
        Objects.requireNonNull(time); Objects.requireNonNull(geoJson);
    }
}
