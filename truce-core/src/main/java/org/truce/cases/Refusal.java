package org.truce.cases;

import java.util.Objects;

/**
 * A request the core refuses, with the reason in words. The kind tells an HTTP layer the status to answer:
 * FORBIDDEN → 403, NOT_FOUND → 404, CONFLICT (illegal transition, lock held, approvals missing) → 409,
 * INVALID (bad input) → 422.
 */
public final class Refusal extends RuntimeException {
    /** Why the request was refused. */
    public enum Kind { FORBIDDEN, NOT_FOUND, CONFLICT, INVALID }

    private final Kind kind;

    public Refusal(Kind kind, String reason) {
        super(Objects.requireNonNull(reason));
        this.kind = Objects.requireNonNull(kind);
    }

    public Kind kind() {
        return kind;
    }

    public String reason() {
        return getMessage();
    }
}
