package org.truce.implementation;

/**
 * Where a provision, or one of its rules (an obligation), stands at an instant.
 *
 * <p>Deadline rules ({@code withdraw-by}) go PENDING → DUE → FULFILLED, UNVERIFIED or OVERDUE; standing rules
 * (cease-fire, hold-positions, corridor-control, force-cap, restricted-movement) go PENDING → DUE ⇄ VIOLATED.
 * A provision's status is the most severe of its obligations' ({@link #severity()}).
 */
public enum ProvisionStatus {
    /** Not yet in force: before the version that carries the rule takes effect, or before the rule's start. */
    PENDING(2),
    /** In force: a deadline is running, or a standing obligation holds with no violation standing. */
    DUE(5),
    /** The deadline has passed, no violation stands, and the zone was observed since with enough probability. */
    FULFILLED(4),
    /** The deadline has passed and no violation was seen, but nothing watched the zone enough to say it is clear. */
    UNVERIFIED(6),
    /** The deadline has passed and a violation stands, or was the last thing seen (never observed clear since). */
    OVERDUE(8),
    /** A standing obligation is being broken now, or a fulfilled deadline rule was broken again. */
    VIOLATED(7),
    /** An amendment removed the rule: a later version of the provision no longer carries it. */
    SUPERSEDED(1),
    /** The provision's last version has ended (its term is over). */
    EXPIRED(0),
    /** An implementation item with no machine-checkable rule: followed by hand, not computed here. */
    NOT_MONITORED(3);

    private final int severity;

    ProvisionStatus(int severity) {
        this.severity = severity;
    }

    /** Higher is worse; a provision shows the most severe status among its obligations. */
    public int severity() {
        return severity;
    }
}
