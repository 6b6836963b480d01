package org.truce.server.api;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The query parameters of one request, read with checks: an unknown or repeated parameter, a malformed date or
 * number, or a value outside its set is a {@link ProblemException} naming the parameter and the value.
 * Unknown parameters are refused rather than ignored, so a misspelt filter never silently widens a result.
 * Not thread-safe; one instance per request.
 */
public final class QueryParams {
    private final Map<String, List<String>> values;

    /**
     * @param values  the request's query parameters, as decoded by the HTTP layer
     * @param allowed the parameters the endpoint understands
     */
    public QueryParams(Map<String, List<String>> values, Collection<String> allowed) {
        this.values = Map.copyOf(values);
        for (String name : new TreeSet<>(values.keySet())) {
            if (!allowed.contains(name)) {
                throw ProblemException.badParameter(name, "unknown query parameter '" + name
                        + "'; this endpoint accepts " + (allowed.isEmpty() ? "none" : String.join(", ", new TreeSet<>(allowed))));
            }
        }
    }

    /** The single value of {@code name}, if given; blank counts as a bad value. */
    public Optional<String> string(String name) {
        List<String> v = values.get(name);
        if (v == null || v.isEmpty()) return Optional.empty();
        if (v.size() > 1) {
            throw ProblemException.badParameter(name, "parameter '" + name + "' is given " + v.size()
                    + " times; give it once");
        }
        String s = v.getFirst();
        if (s.isBlank()) throw ProblemException.badParameter(name, "parameter '" + name + "' is empty");
        return Optional.of(s);
    }

    /** An ISO-8601 instant with a zone offset, e.g. {@code 2020-11-14T21:00:00Z}. */
    public Optional<Instant> instant(String name) {
        return string(name).map(s -> {
            try {
                return OffsetDateTime.parse(s).toInstant();
            } catch (DateTimeParseException e) {
                String hint = s.contains(" ") ? " (a '+' in a query string must be written %2B)" : "";
                throw ProblemException.badParameter(name, "parameter '" + name + "' must be an ISO-8601 date-time"
                        + " with offset, such as 2020-11-14T21:00:00Z; got '" + s + "'" + hint);
            }
        });
    }

    /** A whole number in [min, max], or {@code dflt} when absent. */
    public int integer(String name, int dflt, int min, int max) {
        return string(name).map(s -> {
            int n;
            try {
                n = Integer.parseInt(s.strip());
            } catch (NumberFormatException e) {
                throw ProblemException.badParameter(name, "parameter '" + name + "' must be a whole number; got '" + s + "'");
            }
            if (n < min || n > max) {
                throw ProblemException.badParameter(name, "parameter '" + name + "' must be in " + min + ".." + max
                        + "; got " + n);
            }
            return n;
        }).orElse(dflt);
    }

    /** A constant of {@code type}, matched case-insensitively. */
    public <E extends Enum<E>> Optional<E> enumeration(String name, Class<E> type) {
        return string(name).map(s -> {
            try {
                return Enum.valueOf(type, s.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                Set<String> names = new TreeSet<>();
                for (E c : type.getEnumConstants()) names.add(c.name());
                throw ProblemException.badParameter(name, "parameter '" + name + "' must be one of "
                        + String.join(", ", names) + "; got '" + s + "'");
            }
        });
    }

    /** A value that must be one of {@code known} (zone ids, party ids …), converted by {@code as}. */
    public <T> Optional<T> oneOf(String name, Collection<String> known, Function<String, T> as) {
        return string(name).map(s -> {
            if (!known.contains(s)) {
                throw ProblemException.badParameter(name, "parameter '" + name + "' names no known value: '" + s
                        + "'; known: " + String.join(", ", new TreeSet<>(known)));
            }
            return as.apply(s);
        });
    }

    /** Checks that {@code from} is before {@code to} when both are given. */
    public static void requireOrdered(Optional<Instant> from, Optional<Instant> to) {
        if (from.isPresent() && to.isPresent() && !from.get().isBefore(to.get())) {
            throw ProblemException.badParameter("to", "parameter 'to' (" + to.get()
                    + ") must be after 'from' (" + from.get() + ")");
        }
    }
}
