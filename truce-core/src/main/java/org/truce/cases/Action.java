package org.truce.cases;

/**
 * Everything a person can ask the center to do about cases, rosters, allegations and the desk. Each HTTP endpoint
 * maps to one action; {@link Authorization} decides every one of them.
 */
public enum Action {
    /** Read one case (its content is then projected by {@link Visibility}). Resource: {@link Resource.CaseRef}. */
    VIEW_CASE,
    /** List or search cases (each projected by {@link Visibility}). Resource: {@link Resource.Center}. */
    LIST_CASES,
    /** Open a case for an incident by hand. Resource: {@link Resource.Center}. */
    OPEN_CASE,
    /** Submit the contingent's blind assessment. Resource: {@link Resource.CasePart}. */
    SUBMIT_ASSESSMENT,
    /** Comment in reconciliation for one's contingent. Resource: {@link Resource.CasePart}. */
    COMMENT,
    /** Propose an agreed finding in reconciliation. Resource: {@link Resource.CasePart}. */
    PROPOSE_FINDING,
    /** Accept the other side's proposed finding. Resource: {@link Resource.CasePart}. */
    ACCEPT_FINDING,
    /** End reconciliation with a recorded dissent. Resource: {@link Resource.CasePart}. */
    RECORD_DISSENT,
    /** Approve publication of the outcome for one's contingent. Resource: {@link Resource.CasePart}. */
    APPROVE_PUBLICATION,
    /** Publish an outcome every contingent approved. Resource: {@link Resource.CasePart}. */
    PUBLISH,
    /** Apply passed assessment deadlines now (the center also does it on a timer). Resource: {@link Resource.Center}. */
    APPLY_DEADLINES,
    /** Take or renew the "working on this" lock. Resource: {@link Resource.CasePart}. */
    ACQUIRE_LOCK,
    /** Give the lock back. Resource: {@link Resource.CasePart}. */
    RELEASE_LOCK,
    /** See the contingent's work queue and locks. Resource: {@link Resource.ContingentScope}. */
    VIEW_QUEUE,
    /** See the shift roster. Resource: {@link Resource.Center}. */
    VIEW_ROSTER,
    /** Set a contingent's part of the shift roster. Resource: {@link Resource.ContingentScope}. */
    SET_ROSTER,
    /** File an allegation for a party. Resource: {@link Resource.PartyScope}. */
    FILE_ALLEGATION,
    /** Read one allegation. Resource: {@link Resource.AllegationRef}. */
    VIEW_ALLEGATION,
    /** Run the matching of allegations to incidents and coverage. Resource: {@link Resource.Center}. */
    REVIEW_ALLEGATIONS,
    /** Read a party's notifications. Resource: {@link Resource.PartyScope}. */
    VIEW_NOTIFICATIONS,
    /** Read the audit trail. Resource: {@link Resource.Center}. */
    VIEW_AUDIT
}
