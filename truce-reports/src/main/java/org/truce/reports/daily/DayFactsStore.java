package org.truce.reports.daily;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.truce.store.MetaStore;

/**
 * Port: where the per-day sensor aggregates of the daily report ({@link DayFacts}, as text) are kept, one per UTC
 * day, so the log is replayed for a day once, not once per report. Implementations are thread-safe; a value put is
 * durable on return for a durable store. The text's format belongs to the report (see {@link DayFactsCodec}); a
 * store only keeps it.
 */
public interface DayFactsStore {
    /** The key under which {@link #of(MetaStore)} keeps a day: {@code report.day-facts.<yyyy-mm-dd>}. */
    String META_PREFIX = "report.day-facts.";

    Optional<String> get(LocalDate day);

    void put(LocalDate day, String facts);

    /** Kept in the store's {@link MetaStore} (so in its database, next to the log they were computed from). */
    static DayFactsStore of(MetaStore meta) {
        Objects.requireNonNull(meta, "meta");
        return new DayFactsStore() {
            @Override
            public Optional<String> get(LocalDate day) {
                return meta.get(META_PREFIX + day);
            }

            @Override
            public void put(LocalDate day, String facts) {
                meta.put(META_PREFIX + day, facts);
            }
        };
    }

    /** Kept in this process only (tests, a report over a store that cannot be written). */
    static DayFactsStore inMemory() {
        ConcurrentHashMap<LocalDate, String> days = new ConcurrentHashMap<>();
        return new DayFactsStore() {
            @Override
            public Optional<String> get(LocalDate day) {
                return Optional.ofNullable(days.get(day));
            }

            @Override
            public void put(LocalDate day, String facts) {
                days.put(day, facts);
            }
        };
    }
}
