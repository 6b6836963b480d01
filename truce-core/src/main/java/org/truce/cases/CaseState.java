package org.truce.cases;

import java.util.EnumSet;
import java.util.Set;

/**
 * The lifecycle of a case as an explicit state machine:
 * <pre>
 * ASSESSING ──all match──► FINDING_AGREED ──all approvals──► PUBLISHED
 *     │ differ / deadline        ▲                                ▲
 *     ▼                          │ proposal accepted by all       │
 * RECONCILING ───────────────────┘                                │
 *     └──dissent──► DISSENT_RECORDED ──all approvals──────────────┘
 * </pre>
 * No other move is legal; PUBLISHED is final.
 */
public enum CaseState {
    /** Blind: each contingent assesses without seeing the others. */
    ASSESSING,
    /** Assessments differ or one is missing: the contingents discuss. */
    RECONCILING,
    /** A joint finding awaits publication approvals. */
    FINDING_AGREED,
    /** A dissent awaits publication approvals. */
    DISSENT_RECORDED,
    /** Public, final. */
    PUBLISHED;

    public Set<CaseState> next() {
        return switch (this) {
            case ASSESSING -> EnumSet.of(FINDING_AGREED, RECONCILING);
            case RECONCILING -> EnumSet.of(FINDING_AGREED, DISSENT_RECORDED);
            case FINDING_AGREED, DISSENT_RECORDED -> EnumSet.of(PUBLISHED);
            case PUBLISHED -> EnumSet.noneOf(CaseState.class);
        };
    }

    public boolean canMoveTo(CaseState to) {
        return next().contains(to);
    }

    /** Throws {@link Refusal} (CONFLICT) naming the legal moves when {@code this → to} is not one. */
    public void requireMoveTo(CaseState to, CaseId id) {
        if (!canMoveTo(to)) {
            throw new Refusal(Refusal.Kind.CONFLICT, "case " + id + " is " + this + " and cannot move to " + to
                    + (next().isEmpty() ? " (it is final)" : " (legal next states: " + next() + ")"));
        }
    }
}
