package org.truce.sim.world;

import java.util.Objects;
import org.truce.sensing.Observation;
import org.truce.sim.truth.ObservationOrigin;

/**
 * An observation with its emission order, so a step's reports sort stably by time, and what really lay behind it
 * (ground truth only: never sent to the center).
 */
public record TimedObservation(long order, Observation observation, ObservationOrigin origin) {
    public TimedObservation {
        Objects.requireNonNull(observation); Objects.requireNonNull(origin);
    }

    /** An asset's report about itself. */
    public TimedObservation(long order, Observation observation) {
        this(order, observation, new ObservationOrigin.OwnReport());
    }
}
