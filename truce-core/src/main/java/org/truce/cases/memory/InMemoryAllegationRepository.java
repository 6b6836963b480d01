package org.truce.cases.memory;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.truce.ground.PartyId;
import org.truce.cases.Allegation;
import org.truce.cases.AllegationId;
import org.truce.cases.AllegationRepository;

/** {@link AllegationRepository} in memory; ids {@code ALG-<party>-0001} upwards per party. Thread-safe. */
public final class InMemoryAllegationRepository implements AllegationRepository {
    private final ConcurrentSkipListMap<AllegationId, Allegation> all = new ConcurrentSkipListMap<>();
    private final Map<PartyId, AtomicInteger> counters = new ConcurrentHashMap<>();

    @Override
    public void save(Allegation a) {
        all.put(a.id(), a);
    }

    @Override
    public Optional<Allegation> find(AllegationId id) {
        return Optional.ofNullable(all.get(id));
    }

    @Override
    public List<Allegation> all() {
        return List.copyOf(all.values());
    }

    @Override
    public AllegationId nextId(PartyId party) {
        int n = counters.computeIfAbsent(party, p -> new AtomicInteger()).incrementAndGet();
        return AllegationId.of(String.format("ALG-%s-%04d", party.value(), n));
    }
}
