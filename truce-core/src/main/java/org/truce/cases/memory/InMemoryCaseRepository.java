package org.truce.cases.memory;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import org.truce.cases.Case;
import org.truce.cases.CaseId;
import org.truce.cases.CaseRepository;
import org.truce.cases.Refusal;

/** {@link CaseRepository} in memory, with the version check. Thread-safe. */
public final class InMemoryCaseRepository implements CaseRepository {
    private final ConcurrentSkipListMap<CaseId, Case> cases = new ConcurrentSkipListMap<>();

    @Override
    public void save(Case c, long readVersion) {
        cases.compute(c.id(), (id, stored) -> {
            long current = stored == null ? 0 : stored.version();
            if (current != readVersion || c.version() <= current) {
                throw new Refusal(Refusal.Kind.CONFLICT, "case " + id + " changed meanwhile: read version " + readVersion
                        + ", stored version " + current + ", saving version " + c.version());
            }
            return c;
        });
    }

    @Override
    public Optional<Case> find(CaseId id) {
        return Optional.ofNullable(cases.get(id));
    }

    @Override
    public List<Case> all() {
        return List.copyOf(cases.values());
    }
}
