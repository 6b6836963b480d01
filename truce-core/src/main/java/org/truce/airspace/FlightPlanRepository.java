package org.truce.airspace;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.truce.ground.AssetId;

/**
 * Where flight plans are kept. Implementations: {@link org.truce.airspace.memory.InMemoryFlightPlanRepository}
 * and the store's JDBC one (H2, PostgreSQL); all pass {@code FlightPlanStoreContractTest}. Thread-safe.
 */
public interface FlightPlanRepository {
    /** Inserts the plan, or replaces the one with the same id (a cancellation). */
    void save(FlightPlan plan);

    Optional<FlightPlan> find(FlightPlanId id);

    /** Every plan, ordered by id. */
    List<FlightPlan> all();

    /**
     * Plans whose window meets [from, to] (an empty bound is open; a window ending exactly at {@code from} does
     * not), of {@code asset} when given, cancelled ones included, ordered by id.
     */
    List<FlightPlan> query(Optional<Instant> from, Optional<Instant> to, Optional<AssetId> asset);

    /** A fresh id for a plan whose window opens on {@code day} (UTC): {@code FP-<day>-<nnnn>}, never reused. */
    FlightPlanId nextId(LocalDate day);
}
