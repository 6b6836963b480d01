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

    /** When the status in effect at {@code t} began: the first of the trailing changes up to t with that status. */
    static Optional<Instant> since(List<StatusChange> changes, Instant t) {
        Instant since = null;
        ProvisionStatus current = null;
        for (StatusChange c : changes) {
            if (c.at().isAfter(t)) break;
            if (c.status() != current) {
                current = c.status();
                since = c.at();
            }
        }
        return Optional.ofNullable(since);
    }
}
