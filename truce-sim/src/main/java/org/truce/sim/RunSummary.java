package org.truce.sim;

import java.time.Instant;
import java.util.Map;

/**
 * What one run call did.
 *
 * @param rejected  rejections by the ingest port, by reason
 * @param wallMillis wall-clock time the call took (the only non-simulated time, for reporting speed)
 */
public record RunSummary(Instant from, Instant to, long steps, long emitted, long accepted, Map<String, Long> rejected,
                         long wallMillis) {
    public RunSummary {
        rejected = Map.copyOf(rejected);
    }

    /** Simulated seconds per wall-clock second. */
    public double speedup() {
        return wallMillis == 0 ? Double.POSITIVE_INFINITY : (to.toEpochMilli() - from.toEpochMilli()) / (double) wallMillis;
    }
}
