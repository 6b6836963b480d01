package org.truce.implementation;

/**
 * Why a status was set: a stable code that user interfaces translate (the web page's bundles have a
 * {@code provisions.reason.<code>} message for each), never free text.
 */
public enum Reason {
    /** The version carrying the rule, or the rule itself, has not started yet. */
    NOT_YET_IN_FORCE,
    /** A standing obligation came into force. */
    IN_FORCE,
    /** A deadline is running. */
    DEADLINE_RUNNING,
    /** An amendment moved the deadline (evidence: the amendment). */
    DEADLINE_MOVED,
    /** The deadline passed and no coverage of the zone since says whether it is clear. */
    NO_COVERAGE_SINCE_DEADLINE,
    /** The zone was observed after the deadline with no violation standing (evidence: the coverage). */
    OBSERVED_CLEAR,
    /** The zone was observed clear after a violation had ended (evidence: the coverage and the violations). */
    OBSERVED_CLEAR_AFTER_VIOLATION,
    /** One or more incidents of the rule stand (evidence: their ids). */
    VIOLATION_STANDING,
    /** The incidents ended but the zone has not been observed clear since (evidence: the last incidents). */
    VIOLATION_ENDED_NOT_OBSERVED_CLEAR,
    /** A standing obligation's incidents ended; it is in force with no violation standing. */
    VIOLATION_ENDED,
    /** An amendment dropped the rule (evidence: the amendment). */
    RULE_REMOVED,
    /** The provision's last version ended. */
    PROVISION_ENDED,
    /** A new version of a provision without machine-checkable rules took effect, or the first one did. */
    NO_RULE
}
