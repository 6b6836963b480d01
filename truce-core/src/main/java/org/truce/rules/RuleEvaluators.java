package org.truce.rules;

import java.util.ArrayList;
import java.util.List;
import org.truce.agreement.Provision;
import org.truce.agreement.ProvisionVersion;
import org.truce.agreement.RuleSpec;

/** Builds the one generic evaluator of each rule type from the agreement's data. Stateless. */
public final class RuleEvaluators {
    private RuleEvaluators() {}

    public static RuleEvaluator create(RuleBinding binding, RuleContext ctx) {
        return switch (binding.rule()) {
            case RuleSpec.CeaseFire r -> new CeaseFireEvaluator(binding, ctx);
            case RuleSpec.HoldPositions r -> new HoldPositionsEvaluator(binding, ctx);
            case RuleSpec.WithdrawBy r -> new WithdrawByEvaluator(binding, ctx);
            case RuleSpec.CorridorControl r -> new CorridorControlEvaluator(binding, ctx);
            case RuleSpec.ForceCap r -> new ForceCapEvaluator(binding, ctx);
            case RuleSpec.RestrictedMovement r -> new RestrictedMovementEvaluator(binding, ctx);
        };
    }

    /** One evaluator per rule of every version of every provision, in agreement order (provision, version, rule). */
    public static List<RuleEvaluator> forAgreement(RuleContext ctx) {
        List<RuleEvaluator> out = new ArrayList<>();
        for (Provision p : ctx.agreement().provisions()) {
            for (ProvisionVersion v : p.versions()) {
                for (RuleSpec r : v.rules()) out.add(create(new RuleBinding(p, v.version(), r), ctx));
            }
        }
        return out;
    }
}
