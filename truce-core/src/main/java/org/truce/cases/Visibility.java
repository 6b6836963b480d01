package org.truce.cases;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.truce.ground.ContingentId;

/**
 * THE blind rule, in one place. Every channel that shows a case (API, search, exports, live feed, map) must pass it
 * through {@link #redact}; nothing else may read {@link Case#assessments()} for display.
 *
 * <ul>
 *   <li>The blind lifts when every contingent has submitted, when the deadline has passed, or once the case has
 *       left ASSESSING.</li>
 *   <li>Staff of a contingent always see their own contingent's assessment; another contingent's slot is
 *       {@link CaseView.Slot.Sealed} (not even "submitted") until the blind lifts.</li>
 *   <li>Auditors see who has submitted and when, never content, until the blind lifts.</li>
 *   <li>Liaison officers and the public see a case only once it is PUBLISHED, without the internal discussion.</li>
 * </ul>
 * The rule treats every contingent alike: no branch depends on which contingent the viewer belongs to.
 * Stateless and thread-safe.
 */
public final class Visibility {
    private Visibility() {}

    /** True once no contingent's assessment is secret from the others. */
    public static boolean blindLifted(Case c, Instant now) {
        return c.state() != CaseState.ASSESSING || !now.isBefore(c.deadline()) || c.allAssessed();
    }

    /** The case as {@code viewer} may see it at {@code now}; empty when the viewer may not see it at all. */
    public static Optional<CaseView> redact(Case c, Principal viewer, Instant now) {
        boolean lifted = blindLifted(c, now);
        Role role = viewer.role();
        if (role == Role.LIAISON_OFFICER || role == Role.PUBLIC) {
            if (c.state() != CaseState.PUBLISHED) return Optional.empty();
            return Optional.of(view(c, slots(c, lifted, k -> true, false, now), Optional.empty()));
        }
        if (role == Role.AUDITOR) {
            return Optional.of(view(c, slots(c, lifted, k -> false, true, now), c.reconciliation()));
        }
        ContingentId own = viewer.contingent().orElseThrow();
        return Optional.of(view(c, slots(c, lifted, own::equals, false, now), c.reconciliation()));
    }

    /** {@link #redact} over a list, keeping only what the viewer may see, in the same order. */
    public static List<CaseView> redactAll(List<Case> cases, Principal viewer, Instant now) {
        return cases.stream().map(c -> redact(c, viewer, now)).flatMap(Optional::stream).toList();
    }

    private static Map<ContingentId, CaseView.Slot> slots(Case c, boolean lifted,
                                                          java.util.function.Predicate<ContingentId> ownSide,
                                                          boolean seesSubmission, Instant now) {
        Map<ContingentId, CaseView.Slot> out = new HashMap<>();
        for (ContingentId k : c.contingents()) {
            Optional<Assessment> a = c.assessmentOf(k);
            CaseView.Slot slot;
            if (lifted || ownSide.test(k)) {
                slot = a.<CaseView.Slot>map(CaseView.Slot.Visible::new)
                        .orElseGet(() -> lifted ? new CaseView.Slot.Missing() : new CaseView.Slot.Pending());
            } else if (seesSubmission) {
                slot = a.<CaseView.Slot>map(x -> new CaseView.Slot.Submitted(x.submitted()))
                        .orElseGet(CaseView.Slot.Pending::new);
            } else {
                slot = new CaseView.Slot.Sealed();
            }
            out.put(k, slot);
        }
        return out;
    }

    private static CaseView view(Case c, Map<ContingentId, CaseView.Slot> slots, Optional<Reconciliation> reconciliation) {
        return new CaseView(c.id(), c.incidentId(), c.provision(), c.state(), c.opened(), c.deadline(), slots,
                reconciliation, c.outcome(), c.approvals().keySet(), c.published());
    }
}
