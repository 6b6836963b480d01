package org.truce.implementation;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.truce.ground.RuleId;
import org.truce.ground.ZoneId;

/**
 * The status history of one rule of a provision (across its versions: a rule keeps its id when an amendment
 * changes it). Immutable.
 *
 * @param ruleType the type in the latest version carrying the rule ({@code withdraw-by}, …)
 * @param zone     the zone the rule is filed under (its first zone), from that version
 * @param changes  in time order; changes at one instant keep their order (a violation seen once shows VIOLATED
 *                 then DUE at the same instant)
 */
public record ObligationTimeline(RuleId rule, String ruleType, ZoneId zone, List<StatusChange> changes) {
    public ObligationTimeline {
        Objects.requireNonNull(rule); Objects.requireNonNull(ruleType); Objects.requireNonNull(zone);
        changes = List.copyOf(changes);
    }

    /** The last change at or before {@code t}; empty before the first (the obligation is then PENDING). */
    public Optional<StatusChange> changeAt(Instant t) {
        return Timelines.lastAtOrBefore(changes, t);
    }

    /** The status at {@code t} (PENDING before the first change). */
    public ProvisionStatus statusAt(Instant t) {
        return changeAt(t).map(StatusChange::status).orElse(ProvisionStatus.PENDING);
    }
}
