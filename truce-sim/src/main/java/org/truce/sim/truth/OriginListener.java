package org.truce.sim.truth;

import org.truce.pipeline.Acceptance;
import org.truce.sensing.Observation;

/**
 * Told, for every observation the simulation sends, what the ingest port answered and what really lay behind it,
 * so an evaluation can map the center's accepted observation ids back to the ground truth. Called on the
 * simulating thread right after the port answered, in sending order; must not throw.
 */
@FunctionalInterface
public interface OriginListener {
    void sent(Observation observation, Acceptance acceptance, ObservationOrigin origin);

    /** A listener that does nothing. */
    static OriginListener none() {
        return (o, a, w) -> { };
    }
}
