package org.truce.sim.score;

/** The scores of one rule type; same definitions as {@link Evaluation}. */
public record RuleTypeScore(int observableViolations, int unobservableViolations, int matchedObservableViolations,
                            int incidents, int matchedIncidents, int falseIncidents, double recall, double precision) {

    /** The scores of two runs pooled: counts summed, recall and precision recomputed (1 for an empty denominator). */
    public RuleTypeScore plus(RuleTypeScore o) {
        int obs = observableViolations + o.observableViolations;
        int matched = matchedObservableViolations + o.matchedObservableViolations;
        int inc = incidents + o.incidents;
        int matchedInc = matchedIncidents + o.matchedIncidents;
        return new RuleTypeScore(obs, unobservableViolations + o.unobservableViolations, matched, inc, matchedInc,
                falseIncidents + o.falseIncidents, obs == 0 ? 1.0 : (double) matched / obs,
                inc == 0 ? 1.0 : (double) matchedInc / inc);
    }
}
