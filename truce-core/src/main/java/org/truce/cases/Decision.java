package org.truce.cases;

import java.util.Objects;

/** The answer of {@link Authorization}: allowed or not, and why, in words fit for a 403 response. Immutable. */
public record Decision(boolean allowed, String reason) {
    public Decision {
        Objects.requireNonNull(reason);
    }

    public static Decision allow(String reason) {
        return new Decision(true, reason);
    }

    public static Decision deny(String reason) {
        return new Decision(false, reason);
    }

    /** Throws {@link Refusal} of kind {@link Refusal.Kind#FORBIDDEN} when denied. */
    public void orThrow() {
        if (!allowed) throw new Refusal(Refusal.Kind.FORBIDDEN, reason);
    }
}
