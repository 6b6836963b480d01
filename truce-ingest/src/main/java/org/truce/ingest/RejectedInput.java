package org.truce.ingest;

import java.util.Objects;
import org.truce.pipeline.Acceptance;

/**
 * Thrown by decoders and the {@link ObservationValidator} when an input must be refused; the adapter catches it,
 * counts it under {@link #reason()} and keeps serving. Carries no stack trace: it is control flow, not a bug.
 */
public final class RejectedInput extends RuntimeException {
    private final String reason;

    /**
     * @param reason short metric label (see {@link Reasons})
     * @param detail what was wrong and where (field, value)
     */
    public RejectedInput(String reason, String detail) {
        super(Objects.requireNonNull(detail), null, false, false);
        this.reason = Objects.requireNonNull(reason);
    }

    public String reason() {
        return reason;
    }

    public Acceptance.Rejected toRejected() {
        return new Acceptance.Rejected(reason, getMessage());
    }
}
