package org.truce.airspace;

import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.truce.cases.Principal;
import org.truce.cases.Refusal;
import org.truce.sensing.Asset;
import org.truce.ground.AssetId;
import org.truce.ground.AssetKind;

/**
 * The flight-plan desk: contingents file and cancel their drones' plans; anyone the caller lets through reads them.
 *
 * <p>Who may: staff (any staff role) of the contingent that owns the asset, for filing and cancelling; nobody else,
 * whatever their role (the other contingent's staff see plans, they do not file for it). Refusals carry a
 * {@link Refusal.Kind}: INVALID (reason starting with the field, e.g. {@code flightPlan.asset …}) for an unknown
 * asset, an asset that is not a drone, a reversed or too long window, a window already over, a bad altitude band or
 * a blank purpose; FORBIDDEN for a caller who is not staff of the owner; NOT_FOUND for an unknown plan; CONFLICT for
 * cancelling a plan already cancelled or whose window is over.
 *
 * <p>Every save goes through the repository it is given; wrap it with
 * {@link org.truce.ledger.FlightPlanLedgerRecorder#recording} to log each filing and cancellation. Thread-safe as
 * the repository is; cancelling is synchronized so two concurrent cancels cannot both succeed.
 */
public final class FlightPlans {
    private final FlightPlanRepository plans;
    private final Function<AssetId, Optional<Asset>> assets;
    private final InstantSource clock;

    /**
     * @param assets the asset registry's lookup (e.g. {@code store.assets()::find})
     * @param clock  the center's clock: filing time, and "now" for windows already over
     */
    public FlightPlans(FlightPlanRepository plans, Function<AssetId, Optional<Asset>> assets, InstantSource clock) {
        this.plans = Objects.requireNonNull(plans, "plans");
        this.assets = Objects.requireNonNull(assets, "assets");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Files {@code f} for {@code who}; returns the plan as stored, with its id. */
    public FlightPlan file(Principal who, Filing f) {
        Asset asset = assets.apply(f.asset()).orElseThrow(() -> new Refusal(Refusal.Kind.INVALID,
                "flightPlan.asset: no registered asset '" + f.asset() + "'"));
        if (asset.kind() != AssetKind.DRONE) {
            throw new Refusal(Refusal.Kind.INVALID, "flightPlan.asset: " + asset.id() + " is a "
                    + asset.kind().name().toLowerCase(java.util.Locale.ROOT) + ", not a drone; only drones file flight plans");
        }
        mayActFor(who, asset, "file a flight plan for");
        Instant now = clock.instant();
        try {
            FlightPlan.checkWindow(f.from(), f.to());
            FlightPlan.checkAltitudes(f.minAltitudeM(), f.maxAltitudeM());
        } catch (IllegalArgumentException e) {
            throw new Refusal(Refusal.Kind.INVALID, e.getMessage());
        }
        if (!f.to().isAfter(now)) {
            throw new Refusal(Refusal.Kind.INVALID, "flightPlan.to (" + f.to() + ") is not after the center's clock ("
                    + now + "): a plan is filed before its window ends");
        }
        if (f.purpose().isBlank()) throw new Refusal(Refusal.Kind.INVALID, "flightPlan.purpose must not be blank");
        LocalDate day = LocalDate.ofInstant(f.from(), ZoneOffset.UTC);
        FlightPlan plan = new FlightPlan(plans.nextId(day), asset.id(), asset.owner(), f.path(), f.from(), f.to(),
                f.minAltitudeM(), f.maxAltitudeM(), f.purpose().strip(), f.notes().strip(), who.userId(), now,
                FlightPlanStatus.FILED, Optional.empty(), Optional.empty(), Optional.empty());
        plans.save(plan);
        return plan;
    }

    /** Cancels plan {@code id} for {@code who}, giving {@code reason} (may be empty). */
    public synchronized FlightPlan cancel(Principal who, FlightPlanId id, String reason) {
        FlightPlan p = plans.find(id).orElseThrow(() -> new Refusal(Refusal.Kind.NOT_FOUND, "no flight plan '" + id + "'"));
        Asset asset = assets.apply(p.asset()).orElseThrow(() -> new Refusal(Refusal.Kind.CONFLICT,
                "asset " + p.asset() + " of " + id + " is no longer registered"));
        mayActFor(who, asset, "cancel the flight plan " + id + " of");
        if (!p.active()) throw new Refusal(Refusal.Kind.CONFLICT, id + " is already cancelled");
        Instant now = clock.instant();
        if (!p.to().isAfter(now)) {
            throw new Refusal(Refusal.Kind.CONFLICT, id + "'s window ended at " + p.to() + "; it can no longer be cancelled");
        }
        FlightPlan c = p.cancel(who.userId(), now, reason.strip());
        plans.save(c);
        return c;
    }

    public Optional<FlightPlan> find(FlightPlanId id) {
        return plans.find(id);
    }

    /** See {@link FlightPlanRepository#query}. */
    public List<FlightPlan> query(Optional<Instant> from, Optional<Instant> to, Optional<AssetId> asset) {
        return plans.query(from, to, asset);
    }

    /** The repository the desk writes to. */
    public FlightPlanRepository repository() {
        return plans;
    }

    private static void mayActFor(Principal who, Asset asset, String what) {
        if (!who.role().isStaff() || !who.isStaffOf(asset.owner())) {
            String whose = who.contingent().map(c -> " of " + c).orElse("");
            throw new Refusal(Refusal.Kind.FORBIDDEN, "only staff of " + asset.owner() + " may " + what + " "
                    + asset.id() + "; " + who.userId() + " is " + who.role() + whose);
        }
    }
}
