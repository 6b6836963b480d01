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
    public void save(Case c) {
        cases.compute(c.id(), (id, stored) -> {
            long expected = stored == null ? 0 : stored.version();
            if (c.version() != expected + 1) {
                throw new Refusal(Refusal.Kind.CONFLICT, "case " + id + " changed meanwhile: stored version " + expected
                        + ", saving version " + c.version());
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
