package org.truce.server.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.truce.ground.PartyId;
import org.truce.geo.GeoPoint;
import org.truce.ground.AssetId;
import org.truce.ground.ObjectClass;
import org.truce.sensing.Observation;

/**
 * Turns one GeoJSON Point feature into a {@link Observation.Detection} of a given asset.
 *
 * <p>Properties: {@code time} (ISO-8601 instant, required), {@code objectClass} (an {@link ObjectClass} name,
 * case-insensitive, required), {@code cepM} (metres, required), {@code classConfidence} (default 1),
 * {@code side} (a party id of the agreement), {@code sideConfidence} (required with {@code side}, else 0),
 * {@code count} (default 1), {@code sensorTrackId}. Other properties are ignored (GeoJSON tools add their own).
 * Coordinates are {@code [lon, lat]} or {@code [lon, lat, alt]} as RFC 7946 says. Thread-safe.
 */
final class GeoJsonDetections {
    private final Set<String> parties;

    /** @param parties the agreement's party ids, the only values {@code side} may take */
    GeoJsonDetections(Set<String> parties) {
        this.parties = Set.copyOf(parties);
    }

    Observation.Detection read(JsonNode feature, AssetId asset) throws ItemRejection {
        if (!feature.isObject() || !"Feature".equals(feature.path("type").asText())) {
            throw ItemRejection.invalid("type", "each element of features must be a GeoJSON Feature object");
        }
        GeoPoint position = point(feature.path("geometry"));
        JsonNode p = feature.path("properties");
        if (!p.isObject()) throw ItemRejection.invalid("properties", "properties must be an object");
        Instant time = time(p);
        ObjectClass objectClass = objectClass(p);
        double cepM = number(p, "cepM").orElseThrow(() -> missing("cepM"));
        double classConfidence = number(p, "classConfidence").orElse(1.0);
        Optional<String> sideId = text(p, "side").map(String::strip);
        if (sideId.isPresent() && !parties.contains(sideId.get())) {
            throw ItemRejection.invalid("properties.side", "side must be a party of the agreement "
                    + parties.stream().sorted().toList() + ", was \"" + sideId.get() + "\"");
        }
        Optional<PartyId> side = sideId.map(PartyId::of);
        double sideConfidence = number(p, "sideConfidence").orElse(Double.NaN);
        if (side.isPresent() && Double.isNaN(sideConfidence)) {
            throw ItemRejection.invalid("properties.sideConfidence", "sideConfidence is required when side is given");
        }
        if (Double.isNaN(sideConfidence)) sideConfidence = 0;
        int count = integer(p, "count").orElse(1);
        Optional<String> trackId = text(p, "sensorTrackId");
        try {
            return new Observation.Detection(asset, time, position, cepM, objectClass, classConfidence, side,
                    sideConfidence, count, trackId);
        } catch (IllegalArgumentException e) {
            String field = ObservationItems.fieldNamedIn(e.getMessage(), p);
            if (field.isEmpty() && e.getMessage().startsWith("count")) field = "count";
            throw ItemRejection.invalid(ObservationItems.join("properties", field), e.getMessage());
        }
    }

    private static GeoPoint point(JsonNode g) throws ItemRejection {
        if (!"Point".equals(g.path("type").asText())) {
            throw ItemRejection.invalid("geometry.type", "geometry must be a Point, was "
                    + (g.isMissingNode() || g.isNull() ? "missing" : g.path("type")));
        }
        JsonNode c = g.path("coordinates");
        if (!c.isArray() || c.size() < 2 || c.size() > 3 || !c.get(0).isNumber() || !c.get(1).isNumber()) {
            throw ItemRejection.invalid("geometry.coordinates", "coordinates must be [lon, lat] or [lon, lat, alt] "
                    + "in decimal degrees, was " + c);
        }
        try {
            return GeoPoint.of(c.get(1).asDouble(), c.get(0).asDouble());
        } catch (IllegalArgumentException e) {
            throw ItemRejection.invalid("geometry.coordinates", e.getMessage());
        }
    }

    private static Instant time(JsonNode p) throws ItemRejection {
        String t = text(p, "time").orElseThrow(() -> missing("time"));
        try {
            return Instant.parse(t);
        } catch (DateTimeParseException e) {
            throw ItemRejection.invalid("properties.time", "time must be an ISO-8601 instant such as "
                    + "2020-11-20T08:00:00Z, was \"" + t + "\"");
        }
    }

    private static ObjectClass objectClass(JsonNode p) throws ItemRejection {
        String c = text(p, "objectClass").orElseThrow(() -> missing("objectClass"));
        try {
            return ObjectClass.valueOf(c.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ItemRejection.invalid("properties.objectClass", "objectClass must be one of "
                    + Arrays.toString(ObjectClass.values()) + ", was \"" + c + "\"");
        }
    }

    /** A string property; empty when absent or null. */
    private static Optional<String> text(JsonNode p, String name) throws ItemRejection {
        JsonNode v = p.get(name);
        if (v == null || v.isNull()) return Optional.empty();
        if (!v.isTextual() || v.asText().isBlank()) {
            throw ItemRejection.invalid("properties." + name, name + " must be a non-empty string, was " + v);
        }
        return Optional.of(v.asText());
    }

    private static Optional<Double> number(JsonNode p, String name) throws ItemRejection {
        JsonNode v = p.get(name);
        if (v == null || v.isNull()) return Optional.empty();
        if (!v.isNumber()) throw ItemRejection.invalid("properties." + name, name + " must be a number, was " + v);
        return Optional.of(v.asDouble());
    }

    private static Optional<Integer> integer(JsonNode p, String name) throws ItemRejection {
        JsonNode v = p.get(name);
        if (v == null || v.isNull()) return Optional.empty();
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
            throw ItemRejection.invalid("properties." + name, name + " must be an integer, was " + v);
        }
        return Optional.of(v.asInt());
    }

    private static ItemRejection missing(String name) {
        return ItemRejection.invalid("properties." + name, name + " is required");
    }
}
