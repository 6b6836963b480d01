package org.truce.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.truce.sensing.AcceptedObservation;
import org.truce.sensing.AssetId;
import org.truce.sensing.Observation;

/**
 * The accepted-input log: append-only, ordered, gap-free. Implementations are thread-safe.
 */
public interface ObservationLog {
    /** Appends and returns once the entry is durable; assigns the next sequence number. */
    AcceptedObservation append(Instant received, String channel, Observation observation);

    /** Number of entries (= highest sequence number). */
    long size();

    /** Entries with {@code seq >= fromSeq}, at most {@code limit}, in order. */
    List<AcceptedObservation> read(long fromSeq, int limit);

    Optional<AcceptedObservation> find(String id);

    Page<AcceptedObservation> query(ObservationQuery query);

    /**
     * The last entry (highest sequence number) of {@code kind} ({@link Observation#kind()}) from {@code asset};
     * empty when the log has none. Served from an index: its cost does not grow with the log (read models seed
     * themselves with it at start-up instead of scanning).
     */
    Optional<AcceptedObservation> latest(AssetId asset, String kind);
}
