package org.truce.agreement;

/**
 * How the contingents share the work.
 *
 * @param maxStaffDifference        largest allowed difference between contingents' headcounts on a shift (0 = strict parity)
 * @param maxStaffPerContingent     cap on each contingent's staff at the center (e.g. 60)
 * @param assessmentsRequired       every incident needs one assessment from each contingent
 * @param findingNeedsAllHeads      a finding is published only with every contingent head's approval
 */
public record ParityRule(int maxStaffDifference, int maxStaffPerContingent,
                         boolean assessmentsRequired, boolean findingNeedsAllHeads) {
    public ParityRule {
        if (maxStaffDifference < 0) throw new IllegalArgumentException("maxStaffDifference < 0");
        if (maxStaffPerContingent <= 0) throw new IllegalArgumentException("maxStaffPerContingent <= 0");
    }
}
