package org.truce.cases;

import java.time.Duration;
import java.util.Objects;
import org.truce.agreement.ParityRule;

/**
 * The tunable rules of casework. Immutable.
 *
 * @param assessmentWindow     time from opening a case to its assessment deadline
 * @param attributionThreshold confidence at or above which an attribution counts; below it the attribution is
 *                             "undetermined" (DESIGN principle 3)
 * @param findingNeedsAllHeads publication needs every contingent's approval (from {@link ParityRule}); when false,
 *                             one approval suffices
 * @param lockTtl              how long a "working on this" lock lasts without renewal
 * @param coverageThreshold    probability of detection at or above which a place counts as observed
 * @param dueSoon              a work item due within this is DUE_SOON
 */
public record CasePolicy(Duration assessmentWindow, double attributionThreshold, boolean findingNeedsAllHeads,
                         Duration lockTtl, double coverageThreshold, Duration dueSoon) {
    public CasePolicy {
        Objects.requireNonNull(assessmentWindow); Objects.requireNonNull(lockTtl); Objects.requireNonNull(dueSoon);
        if (assessmentWindow.isNegative() || assessmentWindow.isZero()) throw new IllegalArgumentException("assessmentWindow must be positive");
        if (lockTtl.isNegative() || lockTtl.isZero()) throw new IllegalArgumentException("lockTtl must be positive");
        if (!(attributionThreshold > 0 && attributionThreshold <= 1)) throw new IllegalArgumentException("attributionThreshold must be in (0, 1]");
        if (!(coverageThreshold > 0 && coverageThreshold <= 1)) throw new IllegalArgumentException("coverageThreshold must be in (0, 1]");
    }

    /**
     * Defaults: 6 h to assess, attribution at 0.8, 15 min locks, observed at 0.5 probability of detection,
     * due soon within 1 h; approvals as the agreement's parity rule says.
     */
    public static CasePolicy defaults(ParityRule parity) {
        return new CasePolicy(Duration.ofHours(6), 0.8, parity.findingNeedsAllHeads(), Duration.ofMinutes(15), 0.5,
                Duration.ofHours(1));
    }
}
