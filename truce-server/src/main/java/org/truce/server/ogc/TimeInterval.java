package org.truce.server.ogc;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;
import org.truce.server.api.ProblemException;

/**
 * A closed time interval [start, end] whose ends may be open (unbounded). An instant is the interval with
 * start = end. Parses the OGC API – Features {@code datetime} parameter: an RFC 3339 date-time
 * ({@code 2020-11-20T08:00:00Z}), a full date (the whole UTC day), or an interval {@code a/b}, {@code ../b},
 * {@code a/..} (an empty end also means open). Immutable.
 */
public record TimeInterval(Optional<Instant> start, Optional<Instant> end) {
    /** Unbounded at both ends: a feature without time matches every {@code datetime} filter. */
    public static final TimeInterval ALWAYS = new TimeInterval(Optional.empty(), Optional.empty());

    public TimeInterval {
        Objects.requireNonNull(start); Objects.requireNonNull(end);
        if (start.isPresent() && end.isPresent() && end.get().isBefore(start.get())) {
            throw new IllegalArgumentException("interval ends before it starts: " + start.get() + "/" + end.get());
        }
    }

    public static TimeInterval of(Instant start, Instant end) {
        return new TimeInterval(Optional.of(start), Optional.of(end));
    }

    public static TimeInterval instant(Instant t) {
        return of(t, t);
    }

    /** True when the two intervals share at least one instant (open ends reach to infinity). */
    public boolean intersects(TimeInterval o) {
        boolean startsBeforeOtherEnds = start.isEmpty() || o.end.isEmpty() || !start.get().isAfter(o.end.get());
        boolean endsAfterOtherStarts = end.isEmpty() || o.start.isEmpty() || !end.get().isBefore(o.start.get());
        return startsBeforeOtherEnds && endsAfterOtherStarts;
    }

    /** This interval as the OGC temporal extent array item: [start or null, end or null]. */
    public String[] asExtent() {
        return new String[] {start.map(Instant::toString).orElse(null), end.map(Instant::toString).orElse(null)};
    }

    /**
     * Parses a {@code datetime} value; a malformed value or an interval ending before it starts is a 400 problem
     * naming the parameter.
     */
    public static TimeInterval parse(String parameter, String raw) {
        String s = raw.strip();
        int slash = s.indexOf('/');
        if (slash < 0) {
            if (s.equals("..")) throw bad(parameter, raw, "'..' is only allowed as one end of an interval");
            return point(parameter, raw, s);
        }
        if (s.indexOf('/', slash + 1) >= 0) throw bad(parameter, raw, "an interval has exactly one '/'");
        Optional<Instant> a = end(parameter, raw, s.substring(0, slash), true);
        Optional<Instant> b = end(parameter, raw, s.substring(slash + 1), false);
        if (a.isEmpty() && b.isEmpty()) throw bad(parameter, raw, "at least one end of the interval must be given");
        if (a.isPresent() && b.isPresent() && b.get().isBefore(a.get())) {
            throw bad(parameter, raw, "the interval ends before it starts");
        }
        return new TimeInterval(a, b);
    }

    private static Optional<Instant> end(String parameter, String raw, String s, boolean isStart) {
        if (s.isEmpty() || s.equals("..")) return Optional.empty();
        TimeInterval t = point(parameter, raw, s);
        return isStart ? t.start : t.end;
    }

    private static TimeInterval point(String parameter, String raw, String s) {
        try {
            return instant(OffsetDateTime.parse(s).toInstant());
        } catch (DateTimeParseException notDateTime) {
            try {
                LocalDate d = LocalDate.parse(s);
                Instant from = d.atStartOfDay(ZoneOffset.UTC).toInstant();
                return of(from, d.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusNanos(1));
            } catch (DateTimeParseException notDate) {
                String hint = s.contains(" ") ? " (a '+' in a query string must be written %2B)" : "";
                throw bad(parameter, raw, "'" + s + "' is neither an RFC 3339 date-time with offset such as "
                        + "2020-11-20T08:00:00Z nor a date such as 2020-11-20" + hint);
            }
        }
    }

    private static ProblemException bad(String parameter, String raw, String why) {
        return ProblemException.badParameter(parameter, "parameter '" + parameter + "' must be an instant or an "
                + "interval (start/end, '..' for an open end); got '" + raw + "': " + why);
    }
}
