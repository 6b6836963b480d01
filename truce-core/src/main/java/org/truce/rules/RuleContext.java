package org.truce.rules;

import java.util.Objects;
import org.truce.agreement.Agreement;
import org.truce.geo.ZoneIndex;

/**
 * What every evaluator may consult: the agreement, its zone index, and the attribution threshold. Immutable.
 *
 * @param attributionConfidence below this probability an incident's party is left empty (undetermined)
 */
public record RuleContext(Agreement agreement, ZoneIndex zones, double attributionConfidence) {
    public RuleContext {
        Objects.requireNonNull(agreement); Objects.requireNonNull(zones);
        if (!(attributionConfidence > 0 && attributionConfidence <= 1)) {
            throw new IllegalArgumentException("attributionConfidence must be in (0, 1]");
        }
    }
}
