package org.truce.implementation;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.truce.ground.RuleId;

/**
 * What an amendment did to one rule, compared with the version before. Immutable.
 *
 * @param deadlineBefore for deadline rules, the deadline in the version before (when it had the rule)
 * @param deadlineAfter  for deadline rules, the deadline in this version (when it has the rule)
 */
public record RuleChange(RuleId rule, Kind kind, Optional<Instant> deadlineBefore, Optional<Instant> deadlineAfter) {
    /** ADDED/REMOVED: the rule appears/disappears; DEADLINE_MOVED: only the deadline differs; CHANGED: otherwise. */
    public enum Kind { ADDED, REMOVED, DEADLINE_MOVED, CHANGED }

    public RuleChange {
        Objects.requireNonNull(rule); Objects.requireNonNull(kind);
        Objects.requireNonNull(deadlineBefore); Objects.requireNonNull(deadlineAfter);
    }
}
