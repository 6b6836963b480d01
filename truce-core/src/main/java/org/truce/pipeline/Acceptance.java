package org.truce.pipeline;

import java.util.Objects;
import org.truce.sensing.AcceptedObservation;

/** The answer to an ingest: accepted (durable) or rejected with a counted reason. */
public sealed interface Acceptance {
    record Accepted(AcceptedObservation observation) implements Acceptance {
        public Accepted {
            Objects.requireNonNull(observation);
        }
    }

    /**
     * @param reason short machine-readable reason, used as a metric label (e.g. {@code unknown-asset}, {@code time-skew})
     * @param detail human-readable explanation naming the field and value
     */
    record Rejected(String reason, String detail) implements Acceptance {
        public Rejected {
            Objects.requireNonNull(reason); Objects.requireNonNull(detail);
        }
    }

    default boolean accepted() {
        return this instanceof Accepted;
    }
}
