package org.truce.rules;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.truce.ground.PartyId;
import org.truce.ground.ZoneId;
import org.truce.fusion.Track;
import org.truce.fusion.TrackStatus;

/**
 * Shared logic of the presence rules (withdraw-by, corridor-control): a confirmed armed track whose side is a
 * concerned party, inside a zone at or after a start instant, is a violation on every update while it stays
 * (one growing incident per track). Inside means covered by the zone, boundary included (no tolerance in these
 * rules). When time first reaches the start instant, tracks already inside are reported at that instant, if they
 * were still live then (last hit no longer than the tracker's coasting limit before it).
 */
abstract sealed class PresenceEvaluator implements RuleEvaluator permits WithdrawByEvaluator, CorridorControlEvaluator {
    private final RuleBinding binding;
    private final RuleContext ctx;
    private final Geofence fence = new Geofence();
    private boolean swept;

    PresenceEvaluator(RuleBinding binding, RuleContext ctx) {
        this.binding = binding;
        this.ctx = ctx;
    }

    abstract ZoneId zone();

    /** The first instant the presence counts (inclusive). */
    abstract Instant start();

    abstract boolean concerns(PartyId side);

    /** e.g. "inside aghdam-handover at/after the deadline 2020-11-19T21:00:00Z". */
    abstract String situation();

    @Override
    public RuleBinding binding() {
        return binding;
    }

    @Override
    public List<Violation> onTrack(Track t, String observationId) {
        double d = ctx.zones().signedDistanceM(zone(), ctx.zones().toLocal(t.position()));
        Geofence.Transition tr = fence.update(t.id(), d, 0, 0);
        if (tr.side() != Geofence.Side.INSIDE || t.time().isBefore(start()) || !relevant(t)) return List.of();
        return List.of(violation(t, t.time(), observationId));
    }

    @Override
    public List<Violation> advanceTo(Instant now, Collection<Track> live) {
        if (swept || now.isBefore(start())) return List.of();
        swept = true;
        List<Violation> out = new ArrayList<>();
        for (Track t : live) {
            boolean inside = fence.side(t.id()).map(s -> s == Geofence.Side.INSIDE).orElse(false);
            boolean liveAtStart = !t.time().isBefore(start().minus(ctx.trackMaxCoast()));
            if (inside && liveAtStart && relevant(t) && t.time().isBefore(start()) && !t.evidence().isEmpty()) {
                out.add(violation(t, start(), t.evidence().getLast()));
            }
        }
        return out;
    }

    private boolean relevant(Track t) {
        return t.status() == TrackStatus.CONFIRMED && t.objectClass().armed()
                && t.side().map(this::concerns).orElse(false);
    }

    private Violation violation(Track t, Instant at, String obs) {
        Attribution a = Attribution.ofTrack(t, ctx.attributionConfidence());
        String text = String.format(Locale.ROOT, "%s (%s of %s, size %d) %s", t.id(), t.objectClass(), a.label(),
                t.size(), situation());
        return new Violation(binding, t.id(), at, t.position(), t.sigmaM(), a.party(), a.confidence(), text, obs, false);
    }

    @Override
    public void forgetTrack(String trackId) {
        fence.forget(trackId);
    }

    /** The geofence side of each track, and whether the start-instant sweep was done. */
    private record Snapshot(java.util.Map<String, Geofence.Side> sides, boolean swept) implements State { }

    @Override
    public State snapshot() {
        return new Snapshot(fence.sides(), swept);
    }

    @Override
    public void restore(State state) {
        Snapshot s = RuleEvaluator.expect(Snapshot.class, state, binding);
        fence.restore(s.sides());
        swept = s.swept();
    }
}
