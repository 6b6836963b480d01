package org.truce.implementation;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Helpers over time-ordered change lists. */
final class Timelines {
    private Timelines() {
    }

    static Optional<StatusChange> lastAtOrBefore(List<StatusChange> changes, Instant t) {
        StatusChange found = null;
        for (StatusChange c : changes) {
            if (c.at().isAfter(t)) break;
            found = c;
        }
        return Optional.ofNullable(found);
    }
}
