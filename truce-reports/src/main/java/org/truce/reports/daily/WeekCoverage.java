package org.truce.reports.daily;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.truce.ground.ZoneId;
import org.truce.pipeline.CoverageRecorder;
import org.truce.implementation.RecordedZoneCoverage;
import org.truce.implementation.ZoneCoverage;

/**
 * {@link ZoneCoverage} read from the kept facts of the days of a report's coverage horizon, answering as
 * {@link RecordedZoneCoverage} answers over a recorder replayed from {@code horizonStart} to the period's end: one
 * watch per observed hour, bins before the recorder's retention (its newest observation less the horizon) or after
 * its newest observation left out, and a bin that runs past {@code to} cut at {@code to} only when nothing was seen
 * after {@code to}. Immutable, thread-safe.
 */
final class WeekCoverage implements ZoneCoverage {
    private final Map<String, List<Watch>> byZone = new HashMap<>();
    private final Optional<Instant> newest;
    private final Duration horizon;
    private final Duration bin;
    private final Instant origin;

    /**
     * @param days         the facts of every day from the one holding {@code horizonStart} to the period's
     * @param horizonStart the first instant the replaced replay would have read (the period's end less the horizon)
     */
    WeekCoverage(List<DayFacts> days, Instant horizonStart) {
        this(merge(days, horizonStart, Instant.MAX, Map.of()),
                days.stream().flatMap(d -> d.newest().stream()).max(Instant::compareTo));
    }

    /**
     * @param watches per zone, the observed hours in time order
     * @param newest  the newest observation time the replaced replay would have seen
     */
    WeekCoverage(Map<String, List<Watch>> watches, Optional<Instant> newest) {
        CoverageRecorder.Config config = CoverageRecorder.Config.defaults();
        this.horizon = config.horizon();
        this.bin = config.grid().bin();
        this.origin = config.grid().origin();
        this.newest = Objects.requireNonNull(newest, "newest");
        watches.forEach((zone, list) -> byZone.put(zone, List.copyOf(list)));
    }

    /**
     * The kept days' watches of hours in [{@code from}, {@code until}), followed by {@code after} (watches of later
     * hours, from a replay of the period), per zone.
     */
    static Map<String, List<Watch>> merge(List<DayFacts> days, Instant from, Instant until, Map<String, List<Watch>> after) {
        Map<String, List<Watch>> out = new HashMap<>();
        for (String zone : days.stream().flatMap(d -> d.zoneWatches().keySet().stream()).distinct().toList()) {
            out.put(zone, new ArrayList<>(DayFacts.watches(days, zone).stream()
                    .filter(w -> !w.from().isBefore(from) && w.from().isBefore(until)).toList()));
        }
        after.forEach((zone, list) -> out.computeIfAbsent(zone, k -> new ArrayList<>()).addAll(list));
        return out;
    }

    @Override
    public List<Watch> watches(ZoneId zone, Instant from, Instant to) {
        if (newest.isEmpty() || !to.isAfter(from)) return List.of();
        Instant retained = newest.get().minus(horizon);
        Instant start = from.isBefore(retained) ? retained : from;
        Instant first = ceil(start);
        List<Watch> out = new ArrayList<>();
        for (Watch w : byZone.getOrDefault(zone.value(), List.of())) {
            Instant b = w.from();
            if (b.isBefore(first)) continue;
            if (!b.isBefore(to) || b.isAfter(newest.get())) break;
            Instant end = b.plus(bin);
            if (end.isAfter(to)) {
                if (newest.get().isAfter(to)) break;
                end = to;
            }
            out.add(new Watch(b, end, w.probability(), w.assets()));
        }
        return out;
    }

    /** The first bin start at or after {@code t}. */
    private Instant ceil(Instant t) {
        long n = Math.floorDiv(Duration.between(origin, t).toMillis(), bin.toMillis());
        Instant b = origin.plus(bin.multipliedBy(n));
        return b.isBefore(t) ? b.plus(bin) : b;
    }
}
