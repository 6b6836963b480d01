package org.truce.sim.score;

import java.util.Objects;
import org.truce.sensing.Observation;

/** A fire cue the center accepted, with its observation id ({@code OBS-<seq>}). Immutable. */
public record AcceptedCue(String id, Observation.FireCue cue) {
    public AcceptedCue {
        Objects.requireNonNull(id); Objects.requireNonNull(cue);
    }
}
