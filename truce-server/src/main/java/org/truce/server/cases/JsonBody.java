package org.truce.server.cases;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;
import org.truce.server.api.ProblemException;

/**
 * A JSON request body read with checks: every missing, mistyped or unknown field is a {@link ProblemException}
 * (400) naming the field by its JSON path, so a client learns exactly what to fix. Not thread-safe; one per request.
 * Public for the other endpoint groups (flight plans) that read bodies the same way.
 */
public final class JsonBody {
    private final JsonNode root;
    private final String prefix;

    private JsonBody(JsonNode root, String prefix) {
        this.root = root;
        this.prefix = prefix;
    }

    /** Parses {@code text} as a JSON object whose fields must all be in {@code allowed}. */
    public static JsonBody parse(ObjectMapper mapper, String text, Collection<String> allowed) {
        JsonNode n;
        try {
            n = text == null || text.isBlank() ? mapper.createObjectNode() : mapper.readTree(text);
        } catch (JsonProcessingException e) {
            var loc = e.getLocation();
            throw ProblemException.malformedBody("the body is not well-formed JSON: " + e.getOriginalMessage(),
                    loc == null ? 0 : loc.getLineNr(), loc == null ? 0 : loc.getColumnNr());
        }
        if (!n.isObject()) throw ProblemException.badBody("$", "the body must be a JSON object");
        return new JsonBody(n, "").only(allowed);
    }

    public JsonBody only(Collection<String> allowed) {
        for (var it = root.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!allowed.contains(f)) {
                throw ProblemException.badBody(path(f), "unknown field '" + path(f) + "'; expected "
                        + String.join(", ", new TreeSet<>(allowed)));
            }
        }
        return this;
    }

    public String path(String field) {
        return prefix.isEmpty() ? field : prefix + "." + field;
    }

    private Optional<JsonNode> node(String field) {
        JsonNode n = root.get(field);
        return n == null || n.isNull() ? Optional.empty() : Optional.of(n);
    }

    public Optional<String> optText(String field) {
        return node(field).map(n -> {
            if (!n.isTextual()) throw ProblemException.badBody(path(field), "'" + path(field) + "' must be a string");
            return n.asText();
        });
    }

    public String text(String field) {
        String s = optText(field).orElseThrow(() -> missing(field));
        if (s.isBlank()) throw ProblemException.badBody(path(field), "'" + path(field) + "' must not be blank");
        return s;
    }

    public double number(String field, double dflt) {
        return node(field).map(n -> {
            if (!n.isNumber()) throw ProblemException.badBody(path(field), "'" + path(field) + "' must be a number");
            return n.asDouble();
        }).orElse(dflt);
    }

    public double number(String field) {
        if (node(field).isEmpty()) throw missing(field);
        return number(field, 0);
    }

    public Instant instant(String field) {
        String s = text(field);
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            throw ProblemException.badBody(path(field), "'" + path(field) + "' must be an ISO-8601 date-time with "
                    + "offset, such as 2020-11-14T21:00:00Z; got '" + s + "'");
        }
    }

    public <E extends Enum<E>> E enumeration(String field, Class<E> type) {
        String s = text(field);
        try {
            return Enum.valueOf(type, s.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            TreeSet<String> names = new TreeSet<>();
            for (E c : type.getEnumConstants()) names.add(c.name());
            throw ProblemException.badBody(path(field), "'" + path(field) + "' must be one of " + String.join(", ", names)
                    + "; got '" + s + "'");
        }
    }

    /** A value that must be one of {@code known} (provision or party ids), converted by {@code as}. */
    public <T> Optional<T> optOneOf(String field, Collection<String> known, Function<String, T> as) {
        return optText(field).map(s -> {
            if (!known.contains(s)) {
                throw ProblemException.unprocessable(Optional.of(path(field)), "'" + path(field) + "' names no known value: '"
                        + s + "'; known: " + String.join(", ", new TreeSet<>(known)));
            }
            return as.apply(s);
        });
    }

    public <T> T oneOf(String field, Collection<String> known, Function<String, T> as) {
        if (node(field).isEmpty()) throw missing(field);
        return optOneOf(field, known, as).orElseThrow();
    }

    public List<String> strings(String field) {
        Optional<JsonNode> n = node(field);
        if (n.isEmpty()) return List.of();
        if (!n.get().isArray()) throw ProblemException.badBody(path(field), "'" + path(field) + "' must be an array of strings");
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n.get().size(); i++) {
            JsonNode e = n.get().get(i);
            if (!e.isTextual()) throw ProblemException.badBody(path(field) + "[" + i + "]", "'" + path(field) + "[" + i + "]' must be a string");
            out.add(e.asText());
        }
        return out;
    }

    /** A nested object, checked like the root. */
    public JsonBody object(String field, Collection<String> allowed) {
        JsonNode n = node(field).orElseThrow(() -> missing(field));
        if (!n.isObject()) throw ProblemException.badBody(path(field), "'" + path(field) + "' must be an object");
        return new JsonBody(n, path(field)).only(allowed);
    }

    /** The elements of an array of objects, each checked like the root. */
    public List<JsonBody> objects(String field, Collection<String> allowed) {
        JsonNode n = node(field).orElseThrow(() -> missing(field));
        if (!n.isArray()) throw ProblemException.badBody(path(field), "'" + path(field) + "' must be an array");
        List<JsonBody> out = new ArrayList<>();
        for (int i = 0; i < n.size(); i++) {
            String p = path(field) + "[" + i + "]";
            if (!n.get(i).isObject()) throw ProblemException.badBody(p, "'" + p + "' must be an object");
            out.add(new JsonBody(n.get(i), p).only(allowed));
        }
        return out;
    }

    /** A field's JSON value as it is (e.g. a GeoJSON geometry read by its own parser); required. */
    public JsonNode node(String field, String what) {
        JsonNode n = node(field).orElseThrow(() -> missing(field));
        if (!n.isObject()) throw ProblemException.badBody(path(field), "'" + path(field) + "' must be " + what);
        return n;
    }

    private ProblemException missing(String field) {
        return ProblemException.badBody(path(field), "'" + path(field) + "' is required");
    }
}
