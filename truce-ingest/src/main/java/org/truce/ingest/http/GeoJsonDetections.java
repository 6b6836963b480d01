package org.truce.ingest.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.truce.ground.PartyId;
import org.truce.geo.GeoPoint;
import org.truce.ingest.ObservationValidator;
import org.truce.ingest.Reasons;
import org.truce.ingest.RejectedInput;
import org.truce.ingest.json.ObservationJson;
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
 * Coordinates are {@code [lon, lat]} or {@code [lon, lat, alt]} as RFC 7946 says; the coordinates and the altitude
 * are checked by the gate's {@link ObservationValidator}, as every channel's are. Refusals use the gate's
 * {@link Reasons} ({@code malformed}, {@code not-finite}, {@code coordinate-range}, {@code altitude-range},
 * {@code invalid-value}) and name {@code type}, {@code geometry.type}, {@code geometry.coordinates} or
 * {@code properties.<name>}. Thread-safe.
 */
final class GeoJsonDetections {
    private final Set<String> parties;
    private final ObservationValidator validator;

    /** @param parties the agreement's party ids, the only values {@code side} may take */
    GeoJsonDetections(Set<String> parties, ObservationValidator validator) {
        this.parties = Set.copyOf(parties);
        this.validator = validator;
    }

    Observation.Detection read(JsonNode feature, AssetId asset) {
        if (!feature.isObject() || !"Feature".equals(feature.path("type").asText())) {
            throw malformed("type", "each element of features must be a GeoJSON Feature object");
        }
        GeoPoint position = point(feature.path("geometry"));
        JsonNode p = feature.path("properties");
        if (!p.isObject()) throw malformed("properties", "properties must be an object");
        Instant time = time(p);
        ObjectClass objectClass = objectClass(p);
        double cepM = number(p, "cepM").orElseThrow(() -> missing("cepM"));
        double classConfidence = number(p, "classConfidence").orElse(1.0);
        Optional<String> sideId = text(p, "side").map(String::strip);
        if (sideId.isPresent() && !parties.contains(sideId.get())) {
            throw RejectedInput.at("properties.side", Reasons.INVALID_VALUE, "side must be a party of the agreement "
                    + parties.stream().sorted().toList() + ", was \"" + sideId.get() + "\"");
        }
        Optional<PartyId> side = sideId.map(PartyId::of);
        double sideConfidence = number(p, "sideConfidence").orElse(Double.NaN);
        if (side.isPresent() && Double.isNaN(sideConfidence)) {
            throw malformed("properties.sideConfidence", "sideConfidence is required when side is given");
        }
        if (Double.isNaN(sideConfidence)) sideConfidence = 0;
        int count = integer(p, "count").orElse(1);
        Optional<String> trackId = text(p, "sensorTrackId");
        try {
            return new Observation.Detection(asset, time, position, cepM, objectClass, classConfidence, side,
                    sideConfidence, count, trackId);
        } catch (IllegalArgumentException e) {
            String field = ObservationJson.fieldNamedIn(e.getMessage(), p);
            if (field.isEmpty() && e.getMessage().startsWith("count")) field = "count";
            throw RejectedInput.at(ObservationJson.join("properties", field), Reasons.INVALID_VALUE, e.getMessage());
        }
    }

    private GeoPoint point(JsonNode g) {
        if (!"Point".equals(g.path("type").asText())) {
            throw malformed("geometry.type", "geometry must be a Point, was "
                    + (g.isMissingNode() || g.isNull() ? "missing" : g.path("type")));
        }
        JsonNode c = g.path("coordinates");
        if (!c.isArray() || c.size() < 2 || c.size() > 3 || !c.get(0).isNumber() || !c.get(1).isNumber()
                || (c.size() == 3 && !c.get(2).isNumber())) {
            throw malformed("geometry.coordinates", "coordinates must be [lon, lat] or [lon, lat, alt] "
                    + "in decimal degrees and metres, was " + c);
        }
        try {
            if (c.size() == 3) validator.altitude(c.get(2).asDouble(), "altitude");
            return validator.point(c.get(1).asDouble(), c.get(0).asDouble(), "");
        } catch (RejectedInput e) {
            // GeoJSON has no lat or lon member: the coordinates array is the field.
            throw RejectedInput.at("geometry.coordinates", e.reason(), e.getMessage());
        }
    }

    private static Instant time(JsonNode p) {
        String t = text(p, "time").orElseThrow(() -> missing("time"));
        try {
            return Instant.parse(t);
        } catch (DateTimeParseException e) {
            throw malformed("properties.time", "time must be an ISO-8601 instant such as "
                    + "2020-11-20T08:00:00Z, was \"" + t + "\"");
        }
    }

    private static ObjectClass objectClass(JsonNode p) {
        String c = text(p, "objectClass").orElseThrow(() -> missing("objectClass"));
        try {
            return ObjectClass.valueOf(c.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw RejectedInput.at("properties.objectClass", Reasons.INVALID_VALUE, "objectClass must be one of "
                    + Arrays.toString(ObjectClass.values()) + ", was \"" + c + "\"");
        }
    }

    /** A string property; empty when absent or null. */
    private static Optional<String> text(JsonNode p, String name) {
        JsonNode v = p.get(name);
        if (v == null || v.isNull()) return Optional.empty();
        if (!v.isTextual() || v.asText().isBlank()) {
            throw malformed("properties." + name, name + " must be a non-empty string, was " + v);
        }
        return Optional.of(v.asText());
    }

    private Optional<Double> number(JsonNode p, String name) {
        JsonNode v = p.get(name);
        if (v == null || v.isNull()) return Optional.empty();
        if (!v.isNumber()) throw malformed("properties." + name, name + " must be a number, was " + v);
        return Optional.of(validator.finite(v.asDouble(), "properties." + name));
    }

    private static Optional<Integer> integer(JsonNode p, String name) {
        JsonNode v = p.get(name);
        if (v == null || v.isNull()) return Optional.empty();
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
            throw malformed("properties." + name, name + " must be an integer, was " + v);
        }
        return Optional.of(v.asInt());
    }

    private static RejectedInput missing(String name) {
        return malformed("properties." + name, name + " is required");
    }

    private static RejectedInput malformed(String field, String detail) {
        return RejectedInput.at(field, Reasons.MALFORMED, detail);
    }
}
