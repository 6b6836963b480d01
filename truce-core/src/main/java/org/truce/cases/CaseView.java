package org.truce.cases;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.truce.ground.ContingentId;
import org.truce.ground.ProvisionId;

/**
 * A case as one principal may see it at one instant, made only by {@link Visibility#redact}. This is what every
 * channel (API, search, exports, live feed, map) serialises; a {@link Case} itself never leaves the core. Immutable.
 *
 * @param slots          per contingent, what the viewer may know of its assessment
 * @param reconciliation the discussion; empty for viewers outside the contingents
 */
public record CaseView(CaseId id, String incidentId, ProvisionId provision, CaseState state, Instant opened,
                       Instant deadline, Map<ContingentId, Slot> slots, Optional<Reconciliation> reconciliation,
                       Optional<Outcome> outcome, Set<ContingentId> approvals, Optional<Instant> published) {
    public CaseView {
        Objects.requireNonNull(id); Objects.requireNonNull(state); Objects.requireNonNull(reconciliation);
        Objects.requireNonNull(outcome); Objects.requireNonNull(published);
        slots = Collections.unmodifiableMap(new TreeMap<>(slots));
        approvals = Collections.unmodifiableSet(new TreeSet<>(approvals));
    }

    /** What a viewer may know of one contingent's assessment. */
    public sealed interface Slot {
        /** Blind: the viewer may not even know whether it was submitted. */
        record Sealed() implements Slot {}
        /** Not submitted yet, deadline not passed. */
        record Pending() implements Slot {}
        /** Submitted, content withheld (for oversight roles while the blind holds). */
        record Submitted(Instant at) implements Slot {}
        /** Not submitted by the deadline. */
        record Missing() implements Slot {}
        /** The assessment itself. */
        record Visible(Assessment assessment) implements Slot {}
    }

    public Slot slot(ContingentId c) {
        return slots.get(c);
    }
}
