package org.truce.cases.memory;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.truce.cases.Roster;
import org.truce.cases.RosterRepository;

/** {@link RosterRepository} in memory. Thread-safe. */
public final class InMemoryRosterRepository implements RosterRepository {
    private final Map<Slot, Roster> rosters = new ConcurrentHashMap<>();

    @Override
    public Optional<Roster> find(Slot slot) {
        return Optional.ofNullable(rosters.get(slot));
    }

    @Override
    public void save(Slot slot, Roster roster) {
        rosters.put(slot, roster);
    }
}
