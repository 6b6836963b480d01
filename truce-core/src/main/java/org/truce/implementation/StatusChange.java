package org.truce.implementation;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.truce.ground.RuleId;

/**
 * One transition of a timeline. Immutable.
 *
 * @param at       when the status took effect (UTC)
 * @param rule     the obligation that set it; empty for provisions without rules
 * @param version  the provision version in force at {@code at}; empty when none is (before or after its term)
 * @param deadline the rule's deadline in that version, for deadline rules
 * @param evidence what the change rests on, incidents oldest first
 */
public record StatusChange(Instant at, ProvisionStatus status, Reason reason, Optional<RuleId> rule,
                           Optional<Integer> version, Optional<Instant> deadline, List<Evidence> evidence) {
    public StatusChange {
        Objects.requireNonNull(at); Objects.requireNonNull(status); Objects.requireNonNull(reason);
        Objects.requireNonNull(rule); Objects.requireNonNull(version); Objects.requireNonNull(deadline);
        evidence = List.copyOf(evidence);
    }

    /** Same status, reason, version, deadline and evidence: a change that would tell nothing new. */
    boolean sameAs(StatusChange o) {
        return status == o.status && reason == o.reason && rule.equals(o.rule) && version.equals(o.version)
                && deadline.equals(o.deadline) && evidence.equals(o.evidence);
    }
}
