package org.truce.reports.daily;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.truce.implementation.ZoneCoverage;
import org.truce.reports.daily.DailyReport.CoverageSection;
import org.truce.reports.daily.DailyReport.OutageRow;

/**
 * The per-day aggregate of the sensors: what a report of one UTC day needs from the accepted-input log, computed
 * once by {@link SensorReplay#forDay} and kept (see {@link DayFactsStore}), so a report reads a few kilobytes
 * instead of replaying the log. The coverage section, outages and hourly shares are the day's report figures as
 * they are; the zone watches (per zone, one per observed hour) let the reports of the following week rebuild the
 * implementation tracker's view of the recorder's 7-day horizon from seven of these. Immutable.
 *
 * @param zoneWatches per zone id, the hours of the day in which the zone's coverage cell was observed, in time order
 * @param newest      the newest observation time of a registered asset inside the day (where the recorder's horizon
 *                    is counted from); empty when none
 */
record DayFacts(LocalDate date, CoverageSection coverage, List<OutageRow> outages,
                Map<Instant, Double> observedShareByHour, Map<String, List<ZoneCoverage.Watch>> zoneWatches,
                Optional<Instant> newest) {
    /** Bumped whenever what is computed or how it is written changes: facts of another version are computed again. */
    static final int VERSION = 1;

    DayFacts {
        Objects.requireNonNull(date); Objects.requireNonNull(coverage); Objects.requireNonNull(newest);
        outages = List.copyOf(outages);
        observedShareByHour = Collections.unmodifiableMap(new TreeMap<>(observedShareByHour));
        Map<String, List<ZoneCoverage.Watch>> w = new TreeMap<>();
        zoneWatches.forEach((k, v) -> w.put(k, List.copyOf(v)));
        zoneWatches = Collections.unmodifiableMap(w);
    }

    /** The UTC day as a report period. */
    ReportPeriod period() {
        return ReportPeriod.of(date, Optional.empty());
    }

    static DayFacts of(LocalDate date, SensorReplay replay) {
        return new DayFacts(date, replay.coverage(), replay.outages(), replay.observedShareByHour(),
                replay.zoneWatches(), replay.newestInPeriod());
    }

    /** All watches of {@code zone} over several days, in time order. */
    static List<ZoneCoverage.Watch> watches(List<DayFacts> days, String zone) {
        List<ZoneCoverage.Watch> out = new ArrayList<>();
        days.stream().sorted(java.util.Comparator.comparing(DayFacts::date))
                .forEach(d -> out.addAll(d.zoneWatches().getOrDefault(zone, List.of())));
        return out;
    }
}
