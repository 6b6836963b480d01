package org.truce.reports.daily;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Keeps the per-day aggregates of a running center as its days end: on each {@link #tick}, every day of the last
 * {@link #DAYS} whose end (plus the late-arrival hour) the center's clock has passed and whose facts are not kept
 * yet is replayed from the log once and kept, so that the reports of the week find every day ready and read no log.
 * A day the log has not gone past yet (a quiet center) is tried again only once the log has grown. Days further
 * back are computed when a report first asks for them.
 *
 * <p>Meant for one background thread (a day's replay takes seconds to a minute; never the pipeline's thread).
 * Not thread-safe: call {@link #tick} from one thread.
 */
public final class DayFactsKeeper {
    /** How many ended days are kept ready: the coverage horizon of a report of yesterday, and yesterday. */
    public static final int DAYS = 8;

    private final DailyReportBuilder.Sources sources;
    private final DayFactsStore store;
    /** Per day tried and found running, the log's size then. */
    private final Map<LocalDate, Long> triedAt = new HashMap<>();

    public DayFactsKeeper(DailyReportBuilder.Sources sources, DayFactsStore store) {
        this.sources = Objects.requireNonNull(sources, "sources");
        this.store = Objects.requireNonNull(store, "store");
    }

    /**
     * Keeps the facts of the ended days not kept yet.
     *
     * @return how many days were replayed in this call
     */
    public int tick(Instant now) {
        int replayed = 0;
        LocalDate today = now.atZone(ZoneOffset.UTC).toLocalDate();
        triedAt.keySet().removeIf(d -> d.isBefore(today.minusDays(DAYS)));
        for (LocalDate day = today.minusDays(DAYS); day.isBefore(today); day = day.plusDays(1)) {
            Instant ended = day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().plus(SensorReplay.LATE_ARRIVALS);
            if (now.isBefore(ended) || store.get(day).isPresent()) continue;
            long size = sources.observations().size();
            Long before = triedAt.get(day);
            if (before != null && before == size) continue;
            replayed++;
            if (DailyFacts.keep(sources, store, day)) triedAt.remove(day);
            else triedAt.put(day, size);
        }
        return replayed;
    }

    /**
     * Ticks a keeper every {@code every} on its own daemon thread, at the clock's time; a tick that fails is reported
     * to {@code warn} and tried again at the next. Closing stops the ticks and waits up to 30 s for one under way
     * (never interrupting it: the store may be writing).
     */
    public static AutoCloseable schedule(DayFactsKeeper keeper, java.time.InstantSource clock, Duration every,
                                         java.util.function.Consumer<String> warn) {
        java.util.concurrent.ScheduledExecutorService ex = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "truce-day-facts");
            t.setDaemon(true);
            t.setPriority(Thread.MIN_PRIORITY);
            return t;
        });
        ex.scheduleWithFixedDelay(() -> {
            try {
                keeper.tick(clock.instant());
            } catch (RuntimeException e) {
                warn.accept("keeping the daily report's per-day aggregates failed, will retry: " + e.getMessage());
            }
        }, every.toMillis(), every.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        return () -> {
            ex.shutdown();
            ex.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS);
        };
    }

    /** How long after a day's end its facts are first tried. */
    public static Duration lateArrivals() {
        return SensorReplay.LATE_ARRIVALS;
    }
}
