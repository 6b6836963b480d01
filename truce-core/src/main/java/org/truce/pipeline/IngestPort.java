package org.truce.pipeline;

import org.truce.sensing.Observation;

/**
 * Where every sensor report enters the center: protocol adapters and the simulator alike.
 * Implementations are thread-safe; an accepted observation is durable when this returns.
 */
@FunctionalInterface
public interface IngestPort {
    /**
     * @param channel the adapter the observation came through ({@code sim}, {@code http}, {@code mavlink}, …)
     */
    Acceptance accept(String channel, Observation observation);
}
