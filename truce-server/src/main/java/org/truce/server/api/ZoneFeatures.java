package org.truce.server.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.truce.agreement.Agreement;
import org.truce.codec.GeoJsonFeatures;

/**
 * The agreement's zones as an RFC 7946 GeoJSON FeatureCollection: one feature per zone, in agreement order, with
 * properties {@code id, name, role, heldBy (when held), source, caveat}; polygons wound counter-clockwise, six
 * decimals (~0.1 m), and a {@code bbox} over all zones: {@link GeoJsonFeatures#zones}, the writer the OGC
 * collections and the exports share.
 */
public final class ZoneFeatures {
    private ZoneFeatures() {}

    /** The collection as a JSON string (computed once per agreement by the caller; zones never change). */
    public static String featureCollection(Agreement agreement, ObjectMapper mapper) {
        try {
            return mapper.writeValueAsString(GeoJsonFeatures.zones(agreement));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
