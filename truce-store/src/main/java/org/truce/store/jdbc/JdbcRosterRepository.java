package org.truce.store.jdbc;

import java.util.List;
import java.util.Optional;
import org.truce.cases.Roster;
import org.truce.cases.RosterRepository;

/** The draft and active shift roster in table {@code shift_roster}, one row per slot. Thread-safe. */
final class JdbcRosterRepository implements RosterRepository {
    private final Jdbc jdbc;
    private final Bodies bodies;

    JdbcRosterRepository(Jdbc jdbc, Bodies bodies) {
        this.jdbc = jdbc;
        this.bodies = bodies;
    }

    @Override
    public Optional<Roster> find(Slot slot) {
        return jdbc.first("SELECT body FROM shift_roster WHERE slot = ?",
                rs -> bodies.read(rs.getString(1), Roster.class, "shift_roster", slot), slot.name());
    }

    @Override
    public void save(Slot slot, Roster roster) {
        jdbc.upsert("shift_roster", "slot", List.of("slot", "body"), slot.name(), bodies.write(roster, Roster.class));
    }
}
