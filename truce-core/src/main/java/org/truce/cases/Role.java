package org.truce.cases;

/**
 * What a person does at the center. Staff roles belong to exactly one contingent, the liaison officer to exactly
 * one party; auditors and the public belong to neither. Which contingent or party is data on the {@link Principal}.
 */
public enum Role {
    /** Assesses incidents for one contingent. */
    ANALYST,
    /** Runs one contingent's shift: assesses, reconciles, approves publication in the head's absence. */
    DUTY_OFFICER,
    /** Heads one contingent; approves publication. */
    HEAD_OF_CONTINGENT,
    /** Represents one party: files allegations and receives their outcome. */
    LIAISON_OFFICER,
    /** Independent oversight: reads the audit trail. */
    AUDITOR,
    /** Anyone: sees published findings only. */
    PUBLIC;

    /** True for the roles that act for one contingent. */
    public boolean isStaff() {
        return this == ANALYST || this == DUTY_OFFICER || this == HEAD_OF_CONTINGENT;
    }

    /** True for the roles that may speak for their contingent in reconciliation and publication. */
    public boolean isSenior() {
        return this == DUTY_OFFICER || this == HEAD_OF_CONTINGENT;
    }
}
