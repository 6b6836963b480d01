package org.truce.ledger;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.truce.airspace.FlightPlan;
import org.truce.airspace.FlightPlanId;
import org.truce.airspace.FlightPlanRepository;
import org.truce.ground.AssetId;

/**
 * Records flight plans in the transparency log: wrap the repository with {@link #recording} and every save that
 * changes a plan (a filing, a cancellation) appends a {@link EntryKind#FLIGHT_PLAN} entry whose payload is the plan
 * as saved (its status says which). Entries are written after the save succeeded; one the ledger did not take waits
 * here and is retried in order on the next save or {@link #flush()}. Thread-safe (synchronized).
 */
public final class FlightPlanLedgerRecorder {
    private final LedgerOutbox outbox;

    public FlightPlanLedgerRecorder(Ledger ledger) {
        this.outbox = new LedgerOutbox(ledger);
    }

    /** {@code plans} with every filing and cancellation recorded in the log. */
    public FlightPlanRepository recording(FlightPlanRepository plans) {
        Objects.requireNonNull(plans);
        return new FlightPlanRepository() {
            @Override
            public void save(FlightPlan plan) {
                Optional<FlightPlan> before = plans.find(plan.id());
                plans.save(plan);
                if (before.map(b -> !b.equals(plan)).orElse(true)) enqueue(plan);
            }

            @Override
            public Optional<FlightPlan> find(FlightPlanId id) {
                return plans.find(id);
            }

            @Override
            public List<FlightPlan> all() {
                return plans.all();
            }

            @Override
            public List<FlightPlan> query(Optional<Instant> from, Optional<Instant> to, Optional<AssetId> asset) {
                return plans.query(from, to, asset);
            }

            @Override
            public FlightPlanId nextId(LocalDate day) {
                return plans.nextId(day);
            }
        };
    }

    /** Appends every entry still waiting; throws if the ledger still refuses (they stay queued). */
    public void flush() {
        outbox.flush();
    }

    /** Entries waiting for the ledger. */
    public int pending() {
        return outbox.pending();
    }

    private void enqueue(FlightPlan plan) {
        outbox.offer(EntryKind.FLIGHT_PLAN, plan);
    }
}
