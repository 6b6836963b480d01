package org.truce.ingest;

import java.util.Objects;
import java.util.Optional;
import org.truce.pipeline.Acceptance;
import org.truce.sensing.AcceptedObservation;

/**
 * The {@link IngestGate}'s answer for one input, whatever the channel: accepted (durable in the log) or refused with
 * a {@link Reasons} label, the field at fault when one is to blame, and a readable detail. It is the center's
 * {@link Acceptance} plus the field, which the gate's own checks know and the center's do not.
 */
public sealed interface Verdict {
    record Accepted(AcceptedObservation observation) implements Verdict {
        public Accepted {
            Objects.requireNonNull(observation);
        }
    }

    /**
     * @param reason metric label ({@link Reasons})
     * @param field  JSON path of the field at fault relative to the observation, when one is to blame
     * @param detail what was wrong, naming the field and value
     */
    record Refused(String reason, Optional<String> field, String detail) implements Verdict {
        public Refused {
            Objects.requireNonNull(reason); Objects.requireNonNull(field); Objects.requireNonNull(detail);
        }

        public Acceptance.Rejected toRejected() {
            return new Acceptance.Rejected(reason, detail);
        }
    }

    default boolean accepted() {
        return this instanceof Accepted;
    }

    /**
     * The verdict of a center's answer. The center's own refusals name no field; those whose cause is one field
     * (its skew and registry checks, the same as the gate's) are given it, so both read alike.
     */
    static Verdict of(Acceptance a) {
        return switch (a) {
            case Acceptance.Accepted ok -> new Accepted(ok.observation());
            case Acceptance.Rejected r -> new Refused(r.reason(), switch (r.reason()) {
                case Reasons.STALE, Reasons.FUTURE -> Optional.of("time");
                case Reasons.UNKNOWN_ASSET -> Optional.of("asset");
                default -> Optional.<String>empty();
            }, r.detail());
        };
    }
}
