package org.truce.implementation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One version of a provision as the tracker shows it: its term, its source, what it changed and where it stands
 * at the timeline's instant. Immutable.
 *
 * @param changes      what this version changed compared with the one before (empty for the first)
 * @param supersededBy the next version, when there is one
 */
public record VersionView(int version, Instant validFrom, Optional<Instant> validTo, LocalDate adopted,
                         String source, String note, State state, Optional<Integer> supersededBy,
                         List<RuleChange> changes) {
    /** PENDING: not yet in force; IN_FORCE; SUPERSEDED: a later version replaced it; ENDED: its term ran out. */
    public enum State { PENDING, IN_FORCE, SUPERSEDED, ENDED }

    public VersionView {
        Objects.requireNonNull(validFrom); Objects.requireNonNull(validTo); Objects.requireNonNull(adopted);
        Objects.requireNonNull(source); Objects.requireNonNull(note); Objects.requireNonNull(state);
        Objects.requireNonNull(supersededBy);
        changes = List.copyOf(changes);
    }
}
