package org.truce.rules;

import java.time.Instant;
import org.truce.ground.PartyId;
import org.truce.agreement.RuleSpec.CorridorControl;
import org.truce.ground.ZoneId;

/**
 * corridor-control: armed forces whose estimated side is not an allowed party, inside the corridor at or after
 * {@code from}. A track with no side estimate at all is not reported (it may be the allowed force itself);
 * a side estimate below the attribution confidence is reported with the party undetermined.
 */
final class CorridorControlEvaluator extends PresenceEvaluator {
    private final CorridorControl rule;

    CorridorControlEvaluator(RuleBinding binding, RuleContext ctx) {
        super(binding, ctx);
        this.rule = (CorridorControl) binding.rule();
    }

    @Override ZoneId zone() { return rule.corridor(); }

    @Override Instant start() { return rule.from(); }

    @Override boolean concerns(PartyId side) { return !rule.allowedParties().contains(side); }

    @Override String situation() { return "inside corridor " + rule.corridor() + " reserved to " + rule.allowedParties().stream().sorted().toList(); }
}
