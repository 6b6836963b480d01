package org.truce.cases;

/** Where an allegation stands. */
public enum AllegationStatus {
    /** Not yet decided: a matching case is still open, or review has not run. */
    UNDER_REVIEW,
    /** It matches an incident whose published finding is CONFIRMED. */
    CORROBORATED,
    /** The place was observed during the interval and no confirmed incident matches. */
    NOT_CORROBORATED,
    /** The place was not (sufficiently) observed: neither confirmed nor refuted. */
    UNVERIFIABLE
}
