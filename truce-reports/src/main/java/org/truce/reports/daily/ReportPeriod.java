package org.truce.reports.daily;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;

/**
 * The 24 hours a daily report covers, [from, to), UTC. Without a cut-off the period is the UTC day {@code date};
 * with a cut-off time {@code HH:MM} it ends at that time on {@code date} (the OSCE practice: "as of 19:30"), so it
 * starts at the same time the day before. Immutable.
 */
public record ReportPeriod(LocalDate date, Optional<LocalTime> cutoff, Instant from, Instant to) {
    public ReportPeriod {
        Objects.requireNonNull(date); Objects.requireNonNull(cutoff); Objects.requireNonNull(from); Objects.requireNonNull(to);
        if (!Duration.between(from, to).equals(Duration.ofHours(24))) {
            throw new IllegalArgumentException("a report period is 24 hours, got [" + from + ", " + to + ")");
        }
    }

    public static ReportPeriod of(LocalDate date, Optional<LocalTime> cutoff) {
        Instant to = cutoff.map(t -> date.atTime(t).toInstant(ZoneOffset.UTC))
                .orElse(date.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
        return new ReportPeriod(date, cutoff, to.minus(Duration.ofHours(24)), to);
    }

    /** The 24 hours before this period, for the day-on-day change. */
    public ReportPeriod previous() {
        return new ReportPeriod(date.minusDays(1), cutoff, from.minus(Duration.ofHours(24)), from);
    }

    /** True if {@code t} lies in [from, to). */
    public boolean contains(Instant t) {
        return !t.isBefore(from) && t.isBefore(to);
    }
}
