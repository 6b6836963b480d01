package org.truce.rules;

import java.time.Duration;
import java.util.Objects;
import org.truce.agreement.Agreement;
import org.truce.fusion.locate.LocatorConfig;
import org.truce.agreement.ZoneIndex;

/**
 * What every evaluator may consult: the agreement, its zone index, and the attribution threshold. Immutable.
 *
 * @param attributionConfidence below this probability an incident's party is left empty (undetermined)
 * @param trackMaxCoast         how long a track lives without a hit (the tracker's setting): a track last seen
 *                              longer than this before an instant was no longer there at that instant
 * @param locator               settings of the fire-event locator (cue grouping, solver limits, arrival timing)
 */
public record RuleContext(Agreement agreement, ZoneIndex zones, double attributionConfidence, Duration trackMaxCoast,
                          LocatorConfig locator) {
    /** A context with {@link LocatorConfig#defaults()}. */
    public RuleContext(Agreement agreement, ZoneIndex zones, double attributionConfidence, Duration trackMaxCoast) {
        this(agreement, zones, attributionConfidence, trackMaxCoast, LocatorConfig.defaults());
    }

    public RuleContext {
        Objects.requireNonNull(agreement); Objects.requireNonNull(zones); Objects.requireNonNull(trackMaxCoast);
        Objects.requireNonNull(locator);
        if (!(attributionConfidence > 0 && attributionConfidence <= 1)) {
            throw new IllegalArgumentException("attributionConfidence must be in (0, 1]");
        }
    }
}
