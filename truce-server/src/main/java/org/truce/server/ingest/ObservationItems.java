package org.truce.server.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.truce.geo.GeoPoint;
import org.truce.ground.AssetId;
import org.truce.sensing.Observation;

/**
 * Turns one item of an observation batch (Observation JSON as {@link org.truce.codec.TruceJson} writes it) into an
 * {@link Observation} of a given asset, or says precisely why not. Stricter than the codec: every non-optional
 * field must be present (the codec would read a missing number as 0), and the item must belong to the asset whose
 * token was presented ({@code asset} may be left out and then means that asset). Thread-safe.
 */
final class ObservationItems {
    private static final Map<String, Class<? extends Observation>> KINDS = Map.of(
            "fix", Observation.PlatformFix.class,
            "detection", Observation.Detection.class,
            "fire", Observation.FireCue.class,
            "footprint", Observation.Footprint.class);

    private final ObjectMapper mapper;

    ObservationItems(ObjectMapper mapper) {
        this.mapper = Objects.requireNonNull(mapper);
    }

    Observation read(JsonNode item, AssetId asset) throws ItemRejection {
        if (!item.isObject()) {
            throw ItemRejection.invalid("", "an observation must be a JSON object, was " + item.getNodeType());
        }
        ObjectNode obs = ((ObjectNode) item).deepCopy();
        JsonNode kind = obs.get("kind");
        if (kind == null || !kind.isTextual() || !KINDS.containsKey(kind.asText())) {
            throw ItemRejection.invalid("kind", "kind must be one of " + KINDS.keySet().stream().sorted().toList()
                    + ", was " + (kind == null ? "missing" : kind));
        }
        JsonNode named = obs.get("asset");
        if (named == null || named.isNull()) {
            obs.put("asset", asset.value());
        } else if (!named.isTextual() || !named.asText().equals(asset.value())) {
            throw new ItemRejection(Reasons.WRONG_ASSET, Optional.of("asset"), "the observation names asset "
                    + named + " but the token belongs to " + asset.value());
        }
        Class<? extends Observation> type = KINDS.get(kind.asText());
        requirePresent(type, obs, "");
        try {
            return mapper.treeToValue(obs, Observation.class);
        } catch (ValueInstantiationException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            String detail = cause.getMessage() == null ? cause.toString() : cause.getMessage();
            throw ItemRejection.invalid(join(path(e), fieldNamedIn(detail, nodeAt(obs, e))), detail);
        } catch (InvalidTypeIdException e) {
            throw ItemRejection.invalid("kind", e.getOriginalMessage());
        } catch (JsonMappingException e) {
            throw ItemRejection.invalid(path(e), e.getOriginalMessage());
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw ItemRejection.invalid("", e.getMessage());
        }
    }

    /**
     * Every record component that is not an Optional must be present and not null, recursively; so must those of an
     * optional record that is given.
     */
    private static void requirePresent(Class<?> type, JsonNode node, String at) throws ItemRejection {
        for (RecordComponent c : type.getRecordComponents()) {
            Class<?> t = c.getType();
            String field = join(at, c.getName());
            JsonNode v = node.get(c.getName());
            if (t == Optional.class) {
                if (v != null && v.isObject() && elementType(c) instanceof Class<?> e && e.isRecord()) {
                    requirePresent(e, v, field);
                }
                continue;
            }
            if (v == null || v.isNull()) throw ItemRejection.invalid(field, field + " is required");
            if (t.isRecord() && v.isObject()) requirePresent(t, v, field);
            if (t == List.class && v.isArray() && elementType(c) instanceof Class<?> e && e.isRecord()) {
                for (int i = 0; i < v.size(); i++) {
                    if (v.get(i).isObject()) requirePresent(e, v.get(i), field + "[" + i + "]");
                }
            }
        }
    }

    /** The type argument of a {@code List<E>} or {@code Optional<E>} component. */
    private static Type elementType(RecordComponent c) {
        return c.getGenericType() instanceof ParameterizedType p ? p.getActualTypeArguments()[0] : Object.class;
    }

    /** The JSON path of a mapping error, e.g. {@code ring[2].lat}. */
    static String path(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                if (!sb.isEmpty()) sb.append('.');
                sb.append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    private static JsonNode nodeAt(JsonNode root, JsonMappingException e) {
        JsonNode n = root;
        for (JsonMappingException.Reference r : e.getPath()) {
            n = r.getFieldName() != null ? n.path(r.getFieldName()) : n.path(r.getIndex());
        }
        return n;
    }

    /**
     * The field a record's own check names: the records' messages start with the field ("cepM must be >= 0 …"),
     * {@link GeoPoint}'s with "latitude"/"longitude".
     */
    static String fieldNamedIn(String message, JsonNode object) {
        String first = message.split("[^A-Za-z]", 2)[0];
        if (first.equals("latitude")) return "lat";
        if (first.equals("longitude")) return "lon";
        for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
            if (it.next().equals(first)) return first;
        }
        return "";
    }

    static String join(String a, String b) {
        if (a.isEmpty()) return b;
        if (b.isEmpty()) return a;
        return a + "." + b;
    }
}
