package org.truce.reports.daily;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.truce.pipeline.CoverageRecorder;

/**
 * The daily report's sensor figures from per-day aggregates ({@link DayFacts}) instead of a replay of the log's
 * week: a whole UTC day's report reads its day's facts (coverage, outages, hourly shares) and, for the
 * implementation tracker, the zone watches of the days of the coverage recorder's horizon. A day whose facts are not
 * kept yet is replayed from the log once ({@link SensorReplay#forDay}: from an hour before the day to the first entry
 * received an hour after it) and kept, but only when the log already reaches past it, so facts of a day still
 * running are never kept. What is kept was computed from the log alone, so it can be thrown away and computed again.
 *
 * <p>Against a replay of the whole week ({@link SensorReplay#forReport}) the figures are the same except at the
 * edges of the week: an observation received more than an hour after its own day ends counts for no day (the
 * single replay counted it up to an hour after the report's day), and a fixed sensor's report in the last minutes
 * before the week still covers the week's first hour, as it does in the live recorder (so the statuses are those of
 * {@code GET /api/provisions?at=} even more closely). Stateless, thread-safe when the sources are.
 */
public final class DailyFacts {
    private DailyFacts() {}

    /** True for a period that is one whole UTC day (no cut-off, or a cut-off at midnight). */
    static boolean isWholeDay(ReportPeriod period) {
        return period.cutoff().isEmpty() || period.cutoff().get().equals(LocalTime.MIDNIGHT) && isMidnight(period.to());
    }

    private static boolean isMidnight(Instant t) {
        return t.atZone(ZoneOffset.UTC).toLocalTime().equals(LocalTime.MIDNIGHT);
    }

    /** True for a period of whole hours (a cut-off on the hour): its coverage bins are the recorder's. */
    static boolean isWholeHours(ReportPeriod period) {
        return period.cutoff().isEmpty() || period.cutoff().get().getMinute() == 0 && period.cutoff().get().getSecond() == 0
                && period.cutoff().get().getNano() == 0;
    }

    /**
     * The sensor facts of a period of whole hours that is not a UTC day (a cut-off such as 16:00): the period
     * itself is replayed (from an hour before it), the implementation tracker's week before it read from the kept
     * days, so a report replays one day of the log instead of seven.
     */
    static DailyReportBuilder.SensorFacts sensorsWithCutoff(DailyReportBuilder.Sources src, DayFactsStore store,
                                                            ReportPeriod period) {
        Instant horizonStart = period.to().minus(CoverageRecorder.Config.defaults().horizon());
        LocalDate first = horizonStart.atZone(ZoneOffset.UTC).toLocalDate();
        // The days before the one the period ends in; the period's own hours come from its replay.
        LocalDate last = period.from().atZone(ZoneOffset.UTC).toLocalDate();
        List<DayFacts> before = new ArrayList<>();
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) before.add(day(src, store, d));
        SensorReplay replay = SensorReplay.forDay(src.agreement(), src.assets(), period);
        replay.run(src.observations());
        java.util.Map<String, List<org.truce.implementation.ZoneCoverage.Watch>> watches =
                WeekCoverage.merge(before, horizonStart, period.from(), replay.zoneWatches());
        Optional<Instant> newest = java.util.stream.Stream.concat(replay.newestInPeriod().stream(),
                before.stream().flatMap(d -> d.newest().stream())).max(Instant::compareTo);
        return new DailyReportBuilder.SensorFacts(period, replay.coverage(), replay.outages(),
                replay.observedShareByHour(),
                DailyReportBuilder.implementation(src, period, new WeekCoverage(watches, newest)));
    }

    /** The sensor facts of a whole-day period from the kept days (computing and keeping those missing). */
    static DailyReportBuilder.SensorFacts sensors(DailyReportBuilder.Sources src, DayFactsStore store, ReportPeriod period) {
        LocalDate day = period.from().atZone(ZoneOffset.UTC).toLocalDate();
        Instant horizonStart = period.to().minus(CoverageRecorder.Config.defaults().horizon());
        LocalDate first = horizonStart.atZone(ZoneOffset.UTC).toLocalDate();
        List<DayFacts> week = new ArrayList<>();
        for (LocalDate d = first; !d.isAfter(day); d = d.plusDays(1)) week.add(day(src, store, d));
        DayFacts today = week.getLast();
        return new DailyReportBuilder.SensorFacts(period, today.coverage(), today.outages(),
                today.observedShareByHour(),
                DailyReportBuilder.implementation(src, period, new WeekCoverage(week, horizonStart)));
    }

    /**
     * Computes and keeps the facts of {@code day} if they are not kept yet and the log reaches past it: what a
     * running center calls for each day that has ended, so its reports find them.
     *
     * @return true if the day's facts are kept after the call
     */
    public static boolean keep(DailyReportBuilder.Sources src, DayFactsStore store, LocalDate day) {
        if (kept(store, day).isPresent()) return true;
        return compute(src, store, day).kept();
    }

    private static DayFacts day(DailyReportBuilder.Sources src, DayFactsStore store, LocalDate day) {
        Optional<DayFacts> kept = kept(store, day);
        return kept.isPresent() ? kept.get() : compute(src, store, day).facts();
    }

    private static Optional<DayFacts> kept(DayFactsStore store, LocalDate day) {
        return store.get(day).flatMap(text -> DayFactsCodec.read(day, text));
    }

    private record Computed(DayFacts facts, boolean kept) { }

    private static Computed compute(DailyReportBuilder.Sources src, DayFactsStore store, LocalDate day) {
        ReportPeriod period = ReportPeriod.of(day, Optional.empty());
        SensorReplay replay = SensorReplay.forDay(src.agreement(), src.assets(), period);
        boolean complete = replay.run(src.observations());
        DayFacts facts = DayFacts.of(day, replay);
        if (complete) store.put(day, DayFactsCodec.write(facts));
        return new Computed(facts, complete);
    }
}
