package org.truce.agreement.io;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A typed view of one JSON object of an agreement file that reports every wrong, missing or unknown field to
 * {@link Problems} with its path and line, and returns empty instead of failing, so reading goes on and all
 * errors are found in one pass. Not thread-safe.
 *
 * <p>Required getters report a missing (or {@code null}) field; {@code opt…} getters accept its absence but
 * still report a present value of the wrong type. {@link #finish()} reports fields nobody asked for (typos).
 */
final class Fields {
    /** An element of an array, with its path. */
    record Item(JsonNode node, JsonPath path) {}

    /** A string naming something else (a zone, a party …), with its path for "unknown …" errors. */
    record Ref(String value, JsonPath path) {}

    private final JsonNode node;
    private final JsonPath path;
    private final JsonSource src;
    private final Problems problems;
    private final Set<String> asked = new HashSet<>();

    private Fields(JsonNode node, JsonPath path, JsonSource src, Problems problems) {
        this.node = node;
        this.path = path;
        this.src = src;
        this.problems = problems;
    }

    /** The object at {@code path}, or empty (and an error) if the value is not an object. */
    static Optional<Fields> of(JsonNode node, JsonPath path, JsonSource src, Problems problems) {
        if (!node.isObject()) {
            problems.add(src, path, "expected an object, got " + kind(node));
            return Optional.empty();
        }
        return Optional.of(new Fields(node, path, src, problems));
    }

    Optional<Fields> object(Item item) {
        return of(item.node(), item.path(), src, problems);
    }

    JsonPath path() {
        return path;
    }

    JsonPath at(String name) {
        return path.child(name);
    }

    JsonSource source() {
        return src;
    }

    Problems problems() {
        return problems;
    }

    void error(String name, String reason) {
        problems.add(src, at(name), reason);
    }

    void error(JsonPath at, String reason) {
        problems.add(src, at, reason);
    }

    /** Whether the field is present and not null. */
    boolean has(String name) {
        asked.add(name);
        JsonNode v = node.get(name);
        return v != null && !v.isNull();
    }

    Optional<JsonNode> raw(String name) {
        return has(name) ? Optional.of(node.get(name)) : Optional.empty();
    }

    Optional<JsonNode> requiredRaw(String name) {
        if (!has(name)) {
            missing(name);
            return Optional.empty();
        }
        return Optional.of(node.get(name));
    }

    Optional<String> text(String name) {
        return requiredRaw(name).flatMap(v -> asText(name, v));
    }

    Optional<String> optText(String name) {
        return raw(name).flatMap(v -> asText(name, v));
    }

    String textOr(String name, String otherwise) {
        return optText(name).orElse(otherwise);
    }

    Optional<Ref> ref(String name) {
        return text(name).map(v -> new Ref(v, at(name)));
    }

    Optional<Ref> optRef(String name) {
        return optText(name).map(v -> new Ref(v, at(name)));
    }

    Optional<Integer> integer(String name) {
        return requiredRaw(name).flatMap(v -> {
            if (v.isIntegralNumber() && v.canConvertToInt()) return Optional.of(v.intValue());
            error(name, "expected an integer, got " + kind(v));
            return Optional.empty();
        });
    }

    Optional<Long> longValue(String name) {
        return requiredRaw(name).flatMap(v -> {
            if (v.isIntegralNumber() && v.canConvertToLong()) return Optional.of(v.longValue());
            error(name, "expected an integer, got " + kind(v));
            return Optional.empty();
        });
    }

    Optional<Double> number(String name) {
        return requiredRaw(name).flatMap(v -> {
            if (v.isNumber() && Double.isFinite(v.doubleValue())) return Optional.of(v.doubleValue());
            error(name, "expected a number, got " + kind(v));
            return Optional.empty();
        });
    }

    Optional<Boolean> bool(String name) {
        return requiredRaw(name).flatMap(v -> asBool(name, v));
    }

    boolean boolOr(String name, boolean otherwise) {
        return raw(name).flatMap(v -> asBool(name, v)).orElse(otherwise);
    }

    /** An ISO-8601 instant in UTC, written with {@code Z} (e.g. {@code 2020-11-09T21:00:00Z}). */
    Optional<Instant> instant(String name) {
        return text(name).flatMap(v -> asInstant(name, v));
    }

    Optional<Instant> optInstant(String name) {
        return optText(name).flatMap(v -> asInstant(name, v));
    }

    /** An ISO-8601 calendar date ({@code 2020-11-15}). */
    Optional<LocalDate> date(String name) {
        return text(name).flatMap(v -> {
            try {
                return Optional.of(LocalDate.parse(v));
            } catch (DateTimeParseException e) {
                error(name, "bad date '" + v + "': expected an ISO-8601 date such as 2020-11-15");
                return Optional.empty();
            }
        });
    }

    /** The enum constant named exactly by the field's text. */
    <E extends Enum<E>> Optional<E> enumValue(String name, Class<E> type) {
        return text(name).flatMap(v -> enumOf(at(name), v, type));
    }

    <E extends Enum<E>> Optional<E> enumOf(JsonPath at, String v, Class<E> type) {
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(v)) return Optional.of(e);
        }
        error(at, "unknown " + type.getSimpleName() + " '" + v + "' (expected one of "
                + Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", ")) + ")");
        return Optional.empty();
    }

    Optional<List<Item>> array(String name) {
        return requiredRaw(name).flatMap(v -> asArray(name, v));
    }

    List<Item> optArray(String name) {
        return raw(name).flatMap(v -> asArray(name, v)).orElse(List.of());
    }

    /** A required, non-empty array of non-blank strings. */
    Optional<List<Ref>> refs(String name) {
        Optional<List<Ref>> refs = requiredRaw(name).flatMap(v -> asRefs(name, v));
        if (refs.isPresent() && refs.get().isEmpty()) {
            error(name, "must list at least one entry");
            return Optional.empty();
        }
        return refs;
    }

    /** An optional array of non-blank strings (may be empty). */
    List<Ref> optRefs(String name) {
        return raw(name).flatMap(v -> asRefs(name, v)).orElse(List.of());
    }

    /** Reports every field that no getter asked for. Call after reading the object. */
    void finish() {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String n = names.next();
            if (!asked.contains(n)) error(n, "unknown field '" + n + "'");
        }
    }

    /** Marks fields as known without reading them (read elsewhere, or deliberately ignored). */
    void allow(String... names) {
        asked.addAll(List.of(names));
    }

    private void missing(String name) {
        problems.add(src, at(name), "missing required field '" + name + "'");
    }

    private Optional<String> asText(String name, JsonNode v) {
        if (!v.isTextual()) {
            error(name, "expected a string, got " + kind(v));
            return Optional.empty();
        }
        if (v.textValue().isBlank()) {
            error(name, "must not be blank");
            return Optional.empty();
        }
        return Optional.of(v.textValue());
    }

    private Optional<Boolean> asBool(String name, JsonNode v) {
        if (v.isBoolean()) return Optional.of(v.booleanValue());
        error(name, "expected true or false, got " + kind(v));
        return Optional.empty();
    }

    private Optional<Instant> asInstant(String name, String v) {
        if (v.endsWith("Z")) {
            try {
                return Optional.of(Instant.parse(v));
            } catch (DateTimeParseException e) {
                // reported below
            }
        }
        error(name, "bad timestamp '" + v + "': expected ISO-8601 UTC such as 2020-11-09T21:00:00Z");
        return Optional.empty();
    }

    private Optional<List<Item>> asArray(String name, JsonNode v) {
        if (!v.isArray()) {
            error(name, "expected an array, got " + kind(v));
            return Optional.empty();
        }
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) items.add(new Item(v.get(i), at(name).index(i)));
        return Optional.of(items);
    }

    private Optional<List<Ref>> asRefs(String name, JsonNode v) {
        return asArray(name, v).map(items -> {
            List<Ref> refs = new ArrayList<>();
            for (Item it : items) {
                if (it.node().isTextual() && !it.node().textValue().isBlank()) {
                    refs.add(new Ref(it.node().textValue(), it.path()));
                } else {
                    error(it.path(), "expected a non-blank string, got " + kind(it.node()));
                }
            }
            return refs;
        });
    }

    static String kind(JsonNode v) {
        return switch (v.getNodeType()) {
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case NULL, MISSING -> "null";
            default -> v.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        };
    }
}
