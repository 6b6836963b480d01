package org.truce.rules;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.truce.agreement.RuleSpec.ForceCap;
import org.truce.fusion.Track;
import org.truce.fusion.TrackStatus;
import org.truce.agreement.ZoneIndex;
import org.truce.ground.ObjectClass;

/**
 * force-cap, two checks on confirmed tracks whose side is the capped party:
 * <ol>
 *   <li>Outside the union of the allowed zones by more than {@value #OUTSIDE_SIGMAS} of the track's sigmas
 *       (about 2 % chance of being inside under the half-plane model). One incident per excursion (subject = track);
 *       the excursion ends once the track is back inside.</li>
 *   <li>The sum of sizes of distinct tracks of a capped class (key {@code VEHICLES}: all vehicle classes) last
 *       seen within {@code windowSeconds} above the cap. One growing incident per cap key (subject
 *       {@code cap:<key>}) while it stays exceeded. Deleted tracks still count until they fall out of the window.</li>
 * </ol>
 */
final class ForceCapEvaluator implements RuleEvaluator {
    static final double OUTSIDE_SIGMAS = 2.0;
    static final String VEHICLES = "VEHICLES";

    private record Seen(ObjectClass objectClass, int size, Instant time) { }

    private final RuleBinding binding;
    private final ForceCap rule;
    private final RuleContext ctx;
    private final Geofence fence = new Geofence(Geofence.Side.INSIDE);
    private final Map<String, Seen> seen = new TreeMap<>();

    ForceCapEvaluator(RuleBinding binding, RuleContext ctx) {
        this.binding = binding;
        this.rule = (ForceCap) binding.rule();
        this.ctx = ctx;
    }

    @Override
    public RuleBinding binding() {
        return binding;
    }

    @Override
    public List<Violation> onTrack(Track t, String observationId) {
        if (t.side().map(p -> !p.equals(rule.party())).orElse(true)) return List.of();
        List<Violation> out = new ArrayList<>();
        ZoneIndex zones = ctx.zones();
        double d = zones.signedDistanceToUnionM(rule.allowedZones(), zones.toLocal(t.position()));
        Geofence.Transition tr = fence.update(t.id(), d, 0, OUTSIDE_SIGMAS * t.sigmaM());
        if (t.status() != TrackStatus.CONFIRMED || t.time().isBefore(rule.from())) return out;
        Attribution a = Attribution.ofTrack(t, ctx.attributionConfidence());
        if (tr.side() == Geofence.Side.OUTSIDE) {
            String text = String.format(Locale.ROOT, "%s (%s of %s) %.0f m outside the zones allowed to it %s",
                    t.id(), t.objectClass(), a.label(), d, rule.allowedZones());
            out.add(new Violation(binding, t.id(), t.time(), t.position(), t.sigmaM(), a.party(), a.confidence(),
                    text, observationId, tr.arrived()));
        }
        seen.put(t.id(), new Seen(t.objectClass(), t.size(), t.time()));
        Instant horizon = t.time().minus(Duration.ofSeconds(rule.windowSeconds()));
        seen.values().removeIf(s -> s.time().isBefore(horizon));
        for (var cap : new TreeMap<>(rule.caps()).entrySet()) {
            int count = seen.values().stream().filter(s -> counts(cap.getKey(), s.objectClass()))
                    .mapToInt(Seen::size).sum();
            if (count > cap.getValue() && counts(cap.getKey(), t.objectClass())) {
                String text = String.format(Locale.ROOT, "%s: %d %s seen within %d s, above the cap of %d",
                        rule.party(), count, cap.getKey(), rule.windowSeconds(), cap.getValue());
                out.add(new Violation(binding, "cap:" + cap.getKey(), t.time(), t.position(), t.sigmaM(), a.party(),
                        a.confidence(), text, observationId, false));
            }
        }
        return out;
    }

    private static boolean counts(String key, ObjectClass c) {
        return key.equals(VEHICLES) ? c.vehicle() : key.equals(c.name());
    }

    @Override
    public void forgetTrack(String trackId) {
        fence.forget(trackId);
    }

    /** Per track: geofence side, and what was last seen of it within the window (by track id, sorted). */
    private record Snapshot(Map<String, Geofence.Side> sides, java.util.SortedMap<String, Seen> seen)
            implements State { }

    @Override
    public State snapshot() {
        return new Snapshot(fence.sides(), java.util.Collections.unmodifiableSortedMap(new TreeMap<>(seen)));
    }

    @Override
    public void restore(State state) {
        Snapshot s = RuleEvaluator.expect(Snapshot.class, state, binding);
        fence.restore(s.sides());
        seen.clear();
        seen.putAll(s.seen());
    }
}
