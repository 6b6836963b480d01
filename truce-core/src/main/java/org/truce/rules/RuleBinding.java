package org.truce.rules;

import java.time.Instant;
import java.util.Objects;
import org.truce.agreement.Provision;
import org.truce.agreement.RuleSpec;
import org.truce.ground.ZoneId;

/**
 * One rule of one version of a provision: what an evaluator checks, and when it applies. Immutable.
 *
 * @param version the {@link org.truce.agreement.ProvisionVersion#version()} the rule belongs to
 */
public record RuleBinding(Provision provision, int version, RuleSpec rule) {
    public RuleBinding {
        Objects.requireNonNull(provision); Objects.requireNonNull(rule);
    }

    /** Whether this rule's provision version is the one in force at {@code t}. */
    public boolean inForceAt(Instant t) {
        return provision.versionAt(t).map(v -> v.version() == version).orElse(false);
    }

    /** The zone an incident of this rule is filed under: the rule's first zone. */
    public ZoneId zone() {
        return rule.zones().getFirst();
    }
}
