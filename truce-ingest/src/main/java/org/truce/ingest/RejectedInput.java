package org.truce.ingest;

import java.util.Objects;
import java.util.Optional;
import org.truce.pipeline.Acceptance;

/**
 * Thrown by decoders and the {@link ObservationValidator} when an input must be refused; the adapter catches it,
 * counts it under {@link #reason()} and keeps serving. Carries no stack trace: it is control flow, not a bug.
 *
 * <p>{@link #field()} names the field at fault when one is to blame: a JSON path relative to the observation in
 * Truce's JSON form ({@code position.lat}, {@code altitudeM}, {@code ring}, {@code properties.cepM} for GeoJSON),
 * or the protocol's own name for it. Every channel names the same fault of the same JSON with the same path, so a
 * sender sees one answer whichever way it sent the observation.
 */
public final class RejectedInput extends RuntimeException {
    private final String reason;
    private final Optional<String> field;

    /**
     * A refusal no single field is to blame for (a bad frame, an unknown topic).
     *
     * @param reason short metric label (see {@link Reasons})
     * @param detail what was wrong and where (field, value)
     */
    public RejectedInput(String reason, String detail) {
        this(reason, Optional.empty(), detail);
    }

    /** @param field the field at fault; empty or an empty string when none is */
    public RejectedInput(String reason, Optional<String> field, String detail) {
        super(Objects.requireNonNull(detail), null, false, false);
        this.reason = Objects.requireNonNull(reason);
        this.field = field.filter(f -> !f.isEmpty());
    }

    /** A refusal of one field ({@code field} may be empty: then none). */
    public static RejectedInput at(String field, String reason, String detail) {
        return new RejectedInput(reason, Optional.of(field), detail);
    }

    public String reason() {
        return reason;
    }

    public Optional<String> field() {
        return field;
    }

    /** The same refusal with the field seen from an enclosing object ({@code properties} + {@code cepM}). */
    public RejectedInput under(String prefix) {
        if (prefix.isEmpty()) return this;
        return new RejectedInput(reason, Optional.of(field.map(f -> prefix + "." + f).orElse(prefix)), getMessage());
    }

    public Acceptance.Rejected toRejected() {
        return new Acceptance.Rejected(reason, getMessage());
    }

    public Verdict.Refused toVerdict() {
        return new Verdict.Refused(reason, field, getMessage());
    }
}
