package org.truce.sim.world;

import java.time.Instant;
import java.util.Objects;
import org.truce.agreement.Provision;
import org.truce.agreement.ProvisionVersion;
import org.truce.agreement.RuleSpec;

/**
 * One rule of one provision version, with the window in which it binds. Immutable.
 *
 * @param binds when the rule starts to bind: its {@code from}, or the deadline of a withdraw-by rule
 */
public record ActiveRule(Provision provision, ProvisionVersion version, RuleSpec spec, Instant binds) {
    public ActiveRule {
        Objects.requireNonNull(provision); Objects.requireNonNull(version); Objects.requireNonNull(spec);
        Objects.requireNonNull(binds);
    }

    public static ActiveRule of(Provision p, ProvisionVersion v, RuleSpec r) {
        Instant binds = switch (r) {
            case RuleSpec.CeaseFire c -> c.from();
            case RuleSpec.HoldPositions h -> h.from();
            case RuleSpec.WithdrawBy w -> w.deadline();
            case RuleSpec.CorridorControl c -> c.from();
            case RuleSpec.ForceCap f -> f.from();
            case RuleSpec.RestrictedMovement m -> m.from();
        };
        return new ActiveRule(p, v, r, binds);
    }

    /** Whether the rule binds at {@code t}: its version is in force and its start (or deadline) has come. */
    public boolean bindsAt(Instant t) {
        return version.inForceAt(t) && !t.isBefore(binds);
    }

    /** Whether the rule binds at some instant of [from, to). */
    public boolean bindsDuring(Instant from, Instant to) {
        Instant a = binds.isAfter(version.validFrom()) ? binds : version.validFrom();
        if (a.isBefore(from)) a = from;
        Instant b = version.validTo().filter(x -> x.isBefore(to)).orElse(to);
        return a.isBefore(b);
    }
}
