package org.truce.sim.score;

/** The scores of one rule type; same definitions as {@link Evaluation}. */
public record RuleTypeScore(int observableViolations, int unobservableViolations, int matchedObservableViolations,
                            int incidents, int matchedIncidents, int falseIncidents, double recall, double precision) { }
