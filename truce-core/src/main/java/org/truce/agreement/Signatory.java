package org.truce.agreement;

import java.util.Objects;

/** Who signed the agreement, and on behalf of which state. */
public record Signatory(String name, String title, String state) {
    public Signatory {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(state, "state");
    }
}
