package org.truce.rules;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.truce.ground.PartyId;
import org.truce.agreement.RuleSpec.HoldPositions;
import org.truce.fusion.Track;
import org.truce.fusion.TrackStatus;
import org.truce.geo.GeoPoint;

/**
 * hold-positions: a confirmed track whose side is the inside party leaving the held area, or the outside party
 * entering it, by more than the rule's tolerance. One violation per crossing (a new episode each time); the
 * tolerance is the geofence's hysteresis, so jitter along the line never counts, and a track first seen on the
 * wrong side has not been seen crossing. Geofence state is kept for tentative tracks too, so a crossing is judged
 * against where the object was before it was confirmed; a crossing made while tentative is reported on confirmation
 * if the track is still on the far side.
 *
 * <p>A confirmed track never seen on its own side but found beyond the line by more than the tolerance is reported
 * once as well ("found beyond the line"): the sensors missed the crossing, not the violation. Because no crossing
 * was seen, this needs the track's side estimate to reach the attribution confidence, and it does not apply inside
 * the rule's {@code exceptIn} zones, which other provisions govern.
 */
final class HoldPositionsEvaluator implements RuleEvaluator {
    private final RuleBinding binding;
    private final HoldPositions rule;
    private final RuleContext ctx;
    private final Geofence fence = new Geofence();
    /** A crossing seen while the track was tentative, judged once it is confirmed. */
    private final Map<String, Geofence.Transition> pending = new HashMap<>();
    /** Every side of the line each track has been on: a track once seen on its own side had its crossing seen. */
    private final Map<String, java.util.EnumSet<Geofence.Side>> sidesSeen = new HashMap<>();
    private final java.util.Set<String> foundBeyond = new java.util.HashSet<>();

    HoldPositionsEvaluator(RuleBinding binding, RuleContext ctx) {
        this.binding = binding;
        this.rule = (HoldPositions) binding.rule();
        this.ctx = Objects.requireNonNull(ctx);
    }

    @Override
    public RuleBinding binding() {
        return binding;
    }

    @Override
    public List<Violation> onTrack(Track t, String observationId) {
        double d = ctx.zones().signedDistanceM(rule.heldArea(), ctx.zones().toLocal(t.position()));
        double tol = rule.toleranceM();
        Geofence.Transition tr = fence.update(t.id(), d, Math.nextDown(-tol), tol);
        sidesSeen.computeIfAbsent(t.id(), k -> java.util.EnumSet.noneOf(Geofence.Side.class)).add(tr.side());
        if (t.status() != TrackStatus.CONFIRMED) {
            if (tr == Geofence.Transition.ENTERED || tr == Geofence.Transition.EXITED) pending.put(t.id(), tr);
            return List.of();
        }
        Geofence.Transition before = pending.remove(t.id());
        if (before != null && tr.side() == before.side()) {
            // Crossed while still tentative and still on the far side now that it is confirmed: that crossing counts.
            tr = before;
        }
        if (t.time().isBefore(rule.from()) || t.side().isEmpty()) return List.of();
        PartyId side = t.side().get();
        String what;
        if (tr == Geofence.Transition.EXITED && side.equals(rule.insideParty())) what = "left";
        else if (tr == Geofence.Transition.ENTERED && side.equals(rule.outsideParty())) what = "entered";
        else return foundBeyondLine(t, side, d, observationId);
        Attribution a = Attribution.ofTrack(t, ctx.attributionConfidence());
        String text = String.format(java.util.Locale.ROOT, "%s (%s of %s) %s %s by %.0f m", t.id(),
                t.objectClass(), a.label(), what, rule.heldArea(), Math.abs(d));
        return List.of(violation(t, a, text, observationId, t.position()));
    }

    private List<Violation> foundBeyondLine(Track t, PartyId side, double d, String observationId) {
        double tol = rule.toleranceM();
        boolean beyond = side.equals(rule.insideParty()) ? d > tol : side.equals(rule.outsideParty()) && d < -tol;
        Geofence.Side own = side.equals(rule.insideParty()) ? Geofence.Side.INSIDE : Geofence.Side.OUTSIDE;
        if (!beyond || sidesSeen.get(t.id()).contains(own) || foundBeyond.contains(t.id())
                || t.sideConfidence() < ctx.attributionConfidence()) {
            return List.of();
        }
        var local = ctx.zones().toLocal(t.position());
        for (var z : rule.exceptIn()) {
            if (ctx.zones().contains(z, local)) return List.of();
        }
        foundBeyond.add(t.id());
        Attribution a = Attribution.ofTrack(t, ctx.attributionConfidence());
        String text = String.format(java.util.Locale.ROOT, "%s (%s of %s) found %.0f m beyond the line of %s (crossing not seen)",
                t.id(), t.objectClass(), a.label(), Math.abs(d), rule.heldArea());
        return List.of(violation(t, a, text, observationId, t.position()));
    }

    private Violation violation(Track t, Attribution a, String text, String obs, GeoPoint place) {
        return new Violation(binding, t.id(), t.time(), place, t.sigmaM(), a.party(), a.confidence(), text, obs, true);
    }

    /** Per track: geofence side, a crossing pending confirmation, the sides seen, whether found beyond. */
    private record Snapshot(Map<String, Geofence.Side> sides, Map<String, Geofence.Transition> pending,
                            Map<String, java.util.Set<Geofence.Side>> sidesSeen, java.util.Set<String> foundBeyond)
            implements State { }

    @Override
    public State snapshot() {
        Map<String, java.util.Set<Geofence.Side>> seen = new HashMap<>();
        sidesSeen.forEach((k, v) -> seen.put(k, java.util.Set.copyOf(v)));
        return new Snapshot(fence.sides(), Map.copyOf(pending), Map.copyOf(seen), java.util.Set.copyOf(foundBeyond));
    }

    @Override
    public void restore(State state) {
        Snapshot s = RuleEvaluator.expect(Snapshot.class, state, binding);
        fence.restore(s.sides());
        pending.clear();
        pending.putAll(s.pending());
        sidesSeen.clear();
        s.sidesSeen().forEach((k, v) -> {
            java.util.EnumSet<Geofence.Side> e = java.util.EnumSet.noneOf(Geofence.Side.class);
            e.addAll(v);
            sidesSeen.put(k, e);
        });
        foundBeyond.clear();
        foundBeyond.addAll(s.foundBeyond());
    }

    @Override
    public void forgetTrack(String trackId) {
        fence.forget(trackId);
        pending.remove(trackId);
        sidesSeen.remove(trackId);
        foundBeyond.remove(trackId);
    }
}
