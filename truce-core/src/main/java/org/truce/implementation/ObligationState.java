package org.truce.implementation;

import java.util.Objects;
import java.util.Optional;
import org.truce.ground.RuleId;
import org.truce.ground.ZoneId;

/**
 * One rule's status at an instant. Immutable.
 *
 * @param change the latest change; empty while the rule is PENDING before its first change
 * @param since  when the current status began: the first of the trailing changes with this status
 */
public record ObligationState(RuleId rule, String ruleType, ZoneId zone, ProvisionStatus status,
                              Optional<StatusChange> change, Optional<java.time.Instant> since) {
    public ObligationState {
        Objects.requireNonNull(rule); Objects.requireNonNull(ruleType); Objects.requireNonNull(zone);
        Objects.requireNonNull(status); Objects.requireNonNull(change); Objects.requireNonNull(since);
    }
}
