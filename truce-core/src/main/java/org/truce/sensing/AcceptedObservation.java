package org.truce.sensing;

import java.time.Instant;
import java.util.Objects;

/**
 * An observation once it is durable in the accepted-input log.
 *
 * @param seq       position in the log, 1-based, gap-free, assigned by the store
 * @param id        readable id, {@code OBS-<seq>}
 * @param received  when the center accepted it (center clock, UTC)
 * @param channel   the adapter it came through (sim, http, mavlink, cot, mqtt, klv)
 */
public record AcceptedObservation(long seq, String id, Instant received, String channel, Observation observation) {
    public AcceptedObservation {
        if (seq < 1) throw new IllegalArgumentException("seq must be >= 1");
        Objects.requireNonNull(id); Objects.requireNonNull(received);
        Objects.requireNonNull(channel); Objects.requireNonNull(observation);
    }

    public static String idFor(long seq) {
        return "OBS-" + seq;
    }
}
