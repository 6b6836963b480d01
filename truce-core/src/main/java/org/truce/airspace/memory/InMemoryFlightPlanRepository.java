package org.truce.airspace.memory;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.truce.airspace.FlightPlan;
import org.truce.airspace.FlightPlanId;
import org.truce.airspace.FlightPlanRepository;
import org.truce.ground.AssetId;

/** Flight plans in memory, for tests, benchmarks and the simulator. Thread-safe (synchronized). */
public final class InMemoryFlightPlanRepository implements FlightPlanRepository {
    private final TreeMap<String, FlightPlan> plans = new TreeMap<>();
    private final Map<LocalDate, Integer> counters = new HashMap<>();

    @Override
    public synchronized void save(FlightPlan plan) {
        plans.put(plan.id().value(), plan);
    }

    @Override
    public synchronized Optional<FlightPlan> find(FlightPlanId id) {
        return Optional.ofNullable(plans.get(id.value()));
    }

    @Override
    public synchronized List<FlightPlan> all() {
        return List.copyOf(plans.values());
    }

    @Override
    public synchronized List<FlightPlan> query(Optional<Instant> from, Optional<Instant> to, Optional<AssetId> asset) {
        return plans.values().stream().filter(p -> p.overlaps(from, to))
                .filter(p -> asset.map(a -> a.equals(p.asset())).orElse(true)).toList();
    }

    @Override
    public synchronized FlightPlanId nextId(LocalDate day) {
        int n = counters.merge(day, 1, Integer::sum);
        return FlightPlanId.of(String.format("FP-%s-%04d", day, n));
    }
}
