package org.truce.rules;

import java.time.Instant;
import org.truce.ground.PartyId;
import org.truce.agreement.RuleSpec.WithdrawBy;
import org.truce.ground.ZoneId;

/**
 * withdraw-by: armed forces of the listed parties inside the zone at or after the deadline. The deadline
 * instant itself counts as violated ("at/after"): forces must be out before it.
 */
final class WithdrawByEvaluator extends PresenceEvaluator {
    private final WithdrawBy rule;

    WithdrawByEvaluator(RuleBinding binding, RuleContext ctx) {
        super(binding, ctx);
        this.rule = (WithdrawBy) binding.rule();
    }

    @Override ZoneId zone() { return rule.zone(); }

    @Override Instant start() { return rule.deadline(); }

    @Override boolean concerns(PartyId side) { return rule.parties().contains(side); }

    @Override String situation() { return "inside " + rule.zone() + " after the withdrawal deadline " + rule.deadline(); }
}
