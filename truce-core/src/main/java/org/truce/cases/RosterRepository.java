package org.truce.cases;

import java.util.Optional;

/**
 * Port: where {@link ShiftRosters} keeps the draft and the active roster, so the active roster survives a restart.
 * Implementations are thread-safe; a save replaces the roster in its slot.
 */
public interface RosterRepository {
    /** The two rosters a center holds. */
    enum Slot { DRAFT, ACTIVE }

    Optional<Roster> find(Slot slot);

    void save(Slot slot, Roster roster);
}
