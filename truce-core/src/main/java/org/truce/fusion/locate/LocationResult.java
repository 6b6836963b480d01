package org.truce.fusion.locate;

import java.util.List;
import java.util.Objects;

/** The outcome of locating one group of cues: a located event, or a rejection that says why. */
public sealed interface LocationResult {
    /** The cues located an event. */
    record Located(LocatedEvent event) implements LocationResult {
        public Located {
            Objects.requireNonNull(event);
        }
    }

    /**
     * The cues could not give a trustworthy position; the pipeline keeps them as unlocated cues.
     *
     * @param detail a sentence for a human: what was wrong, with numbers
     * @param evidence the ids of the cues
     */
    record Rejected(Reason reason, String detail, List<String> evidence) implements LocationResult {
        public Rejected {
            Objects.requireNonNull(reason);
            Objects.requireNonNull(detail);
            evidence = List.copyOf(evidence);
        }
    }

    /** Why cues were not located. */
    enum Reason {
        /** Fewer independent measurements than unknowns (e.g. two arrivals, one bearing). */
        TOO_FEW_CUES,
        /** Acoustic sensors on one line: a mirror image fits equally well. */
        COLLINEAR_SENSORS,
        /** Bearings nearly parallel: they cross far away or nowhere. */
        PARALLEL_BEARINGS,
        /** The best fit is so uncertain (error ellipse beyond the configured limit) that it says nothing. */
        ILL_CONDITIONED,
        /** Two distinct places fit the cues about equally well. */
        AMBIGUOUS,
        /** The residuals are far larger than the sensors' errors: the cues are not of one event. */
        INCONSISTENT_CUES
    }
}
