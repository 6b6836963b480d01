package org.truce.store;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.truce.sensing.AcceptedObservation;
import org.truce.ground.AssetId;
import org.truce.sensing.Observation;

/**
 * The accepted-input log: append-only, ordered, gap-free. Implementations are thread-safe.
 */
public interface ObservationLog {
    /**
     * One observation to append.
     *
     * @param received when the center accepted it (center clock, UTC)
     * @param channel  the adapter it came through
     */
    record Arrival(Instant received, String channel, Observation observation) {
        public Arrival {
            Objects.requireNonNull(received, "received");
            Objects.requireNonNull(channel, "channel");
            Objects.requireNonNull(observation, "observation");
        }
    }

    /** Appends and returns once the entry is durable; assigns the next sequence number. */
    AcceptedObservation append(Instant received, String channel, Observation observation);

    /**
     * Appends every arrival, in list order, as one transaction (group commit), and returns once all are durable.
     * They get consecutive sequence numbers following the last entry. All or nothing: when this throws, none of
     * them is in the log and no sequence number was used up. An empty list appends nothing.
     */
    List<AcceptedObservation> appendAll(List<Arrival> arrivals);

    /** {@link #appendAll(List)} of observations received together through one channel. */
    default List<AcceptedObservation> appendAll(Instant received, String channel,
                                                List<? extends Observation> observations) {
        return appendAll(observations.stream().map(o -> new Arrival(received, channel, o)).toList());
    }

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
