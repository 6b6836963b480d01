package org.truce.sim.score;

import java.time.Duration;
import java.util.Objects;

/**
 * How closely an incident must agree with a true violation to match it.
 *
 * @param timeSlack   the intervals must overlap once each is widened by this much on both sides
 * @param distanceM   the incident's place must lie within this distance of a place of the violation, or within the
 *                    incident's own uncertainty radius if that is larger
 * @param byRuleType  match on the rule type instead of the rule id
 */
public record Tolerances(Duration timeSlack, double distanceM, boolean byRuleType) {
    public Tolerances {
        Objects.requireNonNull(timeSlack);
        if (timeSlack.isNegative()) throw new IllegalArgumentException("timeSlack must be >= 0");
        if (!(distanceM >= 0)) throw new IllegalArgumentException("distanceM must be >= 0");
    }

    /** Five minutes, 3 km, same rule id. */
    public static Tolerances defaults() {
        return new Tolerances(Duration.ofMinutes(5), 3000, false);
    }
}
