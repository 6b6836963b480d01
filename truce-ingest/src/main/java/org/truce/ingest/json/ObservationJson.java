package org.truce.ingest.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
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
import org.truce.ingest.ObservationValidator;
import org.truce.ingest.Reasons;
import org.truce.ingest.RejectedInput;
import org.truce.ground.AssetId;
import org.truce.sensing.Observation;

/**
 * Turns one observation in Truce's JSON form ({@link org.truce.codec.TruceJson}, with {@code "kind"}) into an
 * {@link Observation} of a known sender, or says precisely why not: the one reading of that form for every channel
 * that carries it (HTTP batches, MQTT payloads), so the same JSON is refused with the same reason and field
 * whichever way it came.
 *
 * <p>Stricter than the codec: every non-optional field must be present (the codec would read a missing number as
 * 0). {@code asset} may be left out and then means the sender; naming an unregistered asset is
 * {@code unknown-asset}, naming another registered asset than the sender is {@code wrong-asset}. Refusals carry
 * the field at fault as a JSON path relative to the item ({@code position.lat}, {@code ring[2].lon},
 * {@code appearance.sigma}) and one of {@link Reasons}: {@code malformed} (not an object, unknown kind, a missing
 * field, a wrong JSON type, an unreadable time), {@code not-finite} (NaN, infinity, a number too big for a double),
 * {@code coordinate-range}, {@code invalid-value} (a value outside its range or set: a negative CEP, a probability
 * above 1, a count below 1, an unknown object class). The gate's checks (registered asset, skew, altitude, ring
 * size) follow when the observation is submitted. Thread-safe.
 */
public final class ObservationJson {
    private static final Map<String, Class<? extends Observation>> KINDS = Map.of(
            "fix", Observation.PlatformFix.class,
            "detection", Observation.Detection.class,
            "fire", Observation.FireCue.class,
            "footprint", Observation.Footprint.class);

    private final ObjectMapper mapper;
    private final ObservationValidator validator;

    /** @param mapper Truce's JSON mapping ({@code TruceJson.mapper()}) */
    public ObservationJson(ObjectMapper mapper, ObservationValidator validator) {
        this.mapper = Objects.requireNonNull(mapper);
        this.validator = Objects.requireNonNull(validator);
    }

    /**
     * @param sender the asset the channel knows the item came from (the HTTP token's, the MQTT topic's)
     * @throws RejectedInput when the item cannot become an observation of {@code sender}
     */
    public Observation read(JsonNode item, AssetId sender) {
        if (!item.isObject()) {
            throw malformed("", "an observation must be a JSON object, was " + item.getNodeType());
        }
        ObjectNode obs = ((ObjectNode) item).deepCopy();
        JsonNode kind = obs.get("kind");
        if (kind == null || !kind.isTextual() || !KINDS.containsKey(kind.asText())) {
            throw malformed("kind", "kind must be one of " + KINDS.keySet().stream().sorted().toList()
                    + ", was " + (kind == null ? "missing" : kind));
        }
        JsonNode named = obs.get("asset");
        if (named == null || named.isNull()) {
            obs.put("asset", sender.value());
        } else if (!named.isTextual() || named.asText().isBlank()) {
            throw malformed("asset", "asset must be an asset id, was " + named);
        } else if (!named.asText().equals(sender.value())) {
            validator.asset(AssetId.of(named.asText()));
            throw RejectedInput.at("asset", Reasons.WRONG_ASSET, "the observation names asset " + named
                    + " but was sent by " + sender.value());
        }
        Class<? extends Observation> type = KINDS.get(kind.asText());
        requirePresent(type, obs, "");
        checkNumbers(obs, "");
        try {
            return mapper.treeToValue(obs, Observation.class);
        } catch (ValueInstantiationException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            String detail = cause.getMessage() == null ? cause.toString() : cause.getMessage();
            JsonNode at = nodeAt(obs, e);
            String named0 = fieldNamedIn(detail, at);
            String field = join(path(e), named0);
            String reason = nonFinite(named0.isEmpty() ? at : at.path(named0)) ? Reasons.NOT_FINITE
                    : detail.startsWith("latitude") || detail.startsWith("longitude") ? Reasons.COORDINATE_RANGE
                    : Reasons.INVALID_VALUE;
            throw RejectedInput.at(field, reason, detail);
        } catch (InvalidTypeIdException e) {
            throw malformed("kind", e.getOriginalMessage());
        } catch (InvalidFormatException e) {
            // A well-typed value outside its set (an unknown object class) is a bad value; a time that does not
            // parse is not readable at all.
            boolean outsideSet = e.getTargetType() != null && e.getTargetType().isEnum();
            throw RejectedInput.at(path(e), outsideSet ? Reasons.INVALID_VALUE : Reasons.MALFORMED,
                    firstLine(e.getOriginalMessage()));
        } catch (JsonMappingException e) {
            throw malformed(path(e), firstLine(e.getOriginalMessage()));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw malformed("", firstLine(e.getMessage()));
        }
    }

    /**
     * Every record component that is not an Optional must be present and not null, recursively; so must those of an
     * optional record that is given.
     */
    private static void requirePresent(Class<?> type, JsonNode node, String at) {
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
            if (v == null || v.isNull()) throw malformed(field, field + " is required");
            if (t.isRecord() && v.isObject()) requirePresent(t, v, field);
            if (t == List.class && v.isArray() && elementType(c) instanceof Class<?> e && e.isRecord()) {
                for (int i = 0; i < v.size(); i++) {
                    if (v.get(i).isObject()) requirePresent(e, v.get(i), field + "[" + i + "]");
                }
            }
        }
    }

    /**
     * Refuses a number no double can hold ({@code 1e400} reads as infinity) and an out-of-range point with their own
     * reasons before the records' checks turn them into a generic message; every {@code {lat, lon}} object is a
     * point wherever it is.
     */
    private void checkNumbers(JsonNode node, String path) {
        if (node.isNumber()) {
            validator.finite(node.asDouble(), path);
        } else if (node.isObject()) {
            if (node.path("lat").isNumber() && node.path("lon").isNumber()) {
                validator.point(node.get("lat").asDouble(), node.get("lon").asDouble(), path);
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                var e = it.next();
                checkNumbers(e.getValue(), join(path, e.getKey()));
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) checkNumbers(node.get(i), path + "[" + i + "]");
        }
    }

    /** NaN or infinity, as a number or as the text Jackson reads as one ({@code "NaN"}, {@code "-Infinity"}). */
    private static boolean nonFinite(JsonNode v) {
        if (v.isNumber()) return !Double.isFinite(v.asDouble());
        if (!v.isTextual()) return false;
        return switch (v.asText().strip()) {
            case "NaN", "Infinity", "+Infinity", "-Infinity", "INF", "+INF", "-INF" -> true;
            default -> false;
        };
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
     * or with the record and then the field ("footprint ring needs …"), {@code GeoPoint}'s with
     * "latitude"/"longitude". Empty when neither of the first two words is a member of {@code object}.
     */
    public static String fieldNamedIn(String message, JsonNode object) {
        String[] words = message.split("[^A-Za-z]+", 3);
        if (words[0].equals("latitude")) return "lat";
        if (words[0].equals("longitude")) return "lon";
        for (int i = 0; i < Math.min(2, words.length); i++) {
            if (!words[i].isEmpty() && object.has(words[i])) return words[i];
        }
        return "";
    }

    /** {@code a.b}, or whichever is not empty. */
    public static String join(String a, String b) {
        if (a.isEmpty()) return b;
        if (b.isEmpty()) return a;
        return a + "." + b;
    }

    private static RejectedInput malformed(String field, String detail) {
        return RejectedInput.at(field, Reasons.MALFORMED, detail);
    }

    static String firstLine(String s) {
        if (s == null) return "unreadable";
        int i = s.indexOf('\n');
        return i < 0 ? s : s.substring(0, i);
    }
}
