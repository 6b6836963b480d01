package org.truce.rules;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.locationtech.jts.geom.Coordinate;
import org.truce.agreement.PartyId;
import org.truce.agreement.RuleSpec;
import org.truce.agreement.RuleSpec.CeaseFire;
import org.truce.agreement.Zone;
import org.truce.agreement.ZoneId;
import org.truce.agreement.ZoneRole;
import org.truce.geo.GeoPoint;
import org.truce.geo.ZoneIndex;
import org.truce.sensing.Asset;
import org.truce.sensing.FireKind;
import org.truce.sensing.Observation.FireCue;

/**
 * cease-fire: any fire cue located inside the theater at or after {@code from}.
 *
 * <p>Location: a cue's own position (sigma from its CEP), or, for a bearing cue, the sensor position (the cue's,
 * else the asset's site) moved along the bearing by the middle of the range band; the sigma is the larger of the
 * along-range spread (band width / √12, a uniform band) and the cross-range spread (mid-range × bearing sigma).
 * A cue that cannot be placed is not judged. Cues within {@link #CLUSTER_TIME} and {@link #CLUSTER_DISTANCE_M}
 * of an event's fused position are the same event: one incident (subject {@code fire:<first observation>}),
 * placed at the inverse-variance mean of its cues. An event needs {@link #MIN_CUES} cues (two sensors, or two
 * reports) before it opens an incident: a single uncorroborated cue — the typical false alarm of an acoustic array —
 * stays in the log as an observation but is not raised; once corroborated, the incident carries every cue.
 *
 * <p>Attribution: from the fused LAUNCH position only. For each held area, the probability of being inside
 * ({@link ZoneIndex#probabilityInside}) speaks for its holder, the complement — less the probability of being in
 * the hold-positions rule's {@code exceptIn} places, where either party may be — for the outside party; the most
 * probable party is named if it reaches the attribution confidence.
 */
final class CeaseFireEvaluator implements RuleEvaluator {
    static final Duration CLUSTER_TIME = Duration.ofMinutes(2);
    static final double CLUSTER_DISTANCE_M = 3000;
    static final int MIN_CUES = 2;

    /** A held area, its holder, the party on the other side of its line, and the places neither is credited with. */
    private record Side(ZoneId heldArea, PartyId holder, Optional<PartyId> outside, List<ZoneId> contested) { }

    private static final class Event {
        final String key;
        java.time.Instant last;
        double wx, wy, w, lx, ly, lw;
        int cues;
        /** Cues waiting for corroboration: (time, observation id). Emptied once the event is raised. */
        final List<java.util.Map.Entry<java.time.Instant, String>> pending = new ArrayList<>();

        Event(String key) {
            this.key = key;
        }

        void add(java.time.Instant t, Coordinate c, double sigma, boolean launch) {
            double weight = 1 / (sigma * sigma);
            wx += weight * c.x; wy += weight * c.y; w += weight;
            if (launch) { lx += weight * c.x; ly += weight * c.y; lw += weight; }
            if (last == null || t.isAfter(last)) last = t;
            cues++;
        }

        Coordinate mean() { return new Coordinate(wx / w, wy / w); }
    }

    private final RuleBinding binding;
    private final CeaseFire rule;
    private final RuleContext ctx;
    private final List<Side> sides = new ArrayList<>();
    private final List<Event> recent = new ArrayList<>();

    CeaseFireEvaluator(RuleBinding binding, RuleContext ctx) {
        this.binding = binding;
        this.rule = (CeaseFire) binding.rule();
        this.ctx = ctx;
        for (Zone z : ctx.agreement().zones().values()) {
            if (z.role() != ZoneRole.HELD_AREA || z.heldBy().isEmpty()) continue;
            Optional<RuleSpec.HoldPositions> hold = ctx.agreement().provisions().stream()
                    .flatMap(p -> p.versions().stream()).flatMap(v -> v.rules().stream())
                    .filter(r -> r instanceof RuleSpec.HoldPositions h && h.heldArea().equals(z.id()))
                    .map(r -> (RuleSpec.HoldPositions) r).findFirst();
            sides.add(new Side(z.id(), z.heldBy().get(), hold.map(RuleSpec.HoldPositions::outsideParty),
                    hold.map(RuleSpec.HoldPositions::exceptIn).orElse(List.of())));
        }
    }

    @Override
    public RuleBinding binding() {
        return binding;
    }

    @Override
    public List<Violation> onFireCue(FireCue cue, Optional<Asset> asset, String observationId) {
        if (cue.time().isBefore(rule.from())) return List.of();
        ZoneIndex zones = ctx.zones();
        Optional<Located> located = locate(cue, asset, zones);
        if (located.isEmpty()) return List.of();
        Coordinate c = located.get().at();
        double sigma = Math.max(1, located.get().sigmaM());
        if (!zones.contains(rule.theater(), c)) return List.of();
        recent.removeIf(e -> e.last.plus(CLUSTER_TIME).isBefore(cue.time()));
        Event event = null;
        double best = Double.POSITIVE_INFINITY;
        for (Event e : recent) {
            double dist = e.mean().distance(c);
            if (dist <= CLUSTER_DISTANCE_M && dist < best) {
                best = dist;
                event = e;
            }
        }
        if (event == null) {
            event = new Event("fire:" + observationId);
            recent.add(event);
        }
        event.add(cue.time(), c, sigma, cue.fireKind() == FireKind.LAUNCH);
        if (event.cues < MIN_CUES) {
            event.pending.add(java.util.Map.entry(cue.time(), observationId));
            return List.of();
        }
        Attribution a = attribute(event);
        GeoPoint place = zones.toGeo(event.mean());
        String text = String.format(Locale.ROOT, "fire event (%d cues) inside %s, attributed to %s",
                event.cues, rule.theater(), a.label());
        List<Violation> out = new ArrayList<>();
        for (var p : event.pending) {
            out.add(new Violation(binding, event.key, p.getKey(), place, 1 / Math.sqrt(event.w), a.party(),
                    a.confidence(), text, p.getValue(), false));
        }
        event.pending.clear();
        out.add(new Violation(binding, event.key, cue.time(), place, 1 / Math.sqrt(event.w), a.party(),
                a.confidence(), text, observationId, false));
        return out;
    }

    private Attribution attribute(Event e) {
        if (e.lw == 0) return Attribution.NONE;
        Coordinate launch = new Coordinate(e.lx / e.lw, e.ly / e.lw);
        double sigma = 1 / Math.sqrt(e.lw);
        PartyId bestParty = null;
        double bestP = 0;
        for (Side s : sides) {
            double in = ctx.zones().probabilityInside(s.heldArea(), launch, sigma);
            if (in > bestP) { bestP = in; bestParty = s.holder(); }
            // Beyond the line is the other party's side, except the places other provisions govern (districts still
            // being handed over, a corridor): either party's forces may be there, so they count for neither.
            double contested = 0;
            for (ZoneId z : s.contested()) contested += ctx.zones().probabilityInside(z, launch, sigma);
            double out = Math.max(0, 1 - in - Math.min(1 - in, contested));
            if (s.outside().isPresent() && out > bestP) { bestP = out; bestParty = s.outside().get(); }
        }
        return bestParty == null ? Attribution.NONE : Attribution.of(bestParty, bestP, ctx.attributionConfidence());
    }

    /** A cue's estimated place in local metres with its 1-sigma. */
    record Located(Coordinate at, double sigmaM) { }

    static Optional<Located> locate(FireCue cue, Optional<Asset> asset, ZoneIndex zones) {
        if (cue.position().isPresent()) {
            return Optional.of(new Located(zones.toLocal(cue.position().get()), cue.cepM() * ZoneIndex.SIGMA_PER_CEP));
        }
        Optional<GeoPoint> sensor = cue.sensorPosition().or(() -> asset.flatMap(Asset::site));
        if (sensor.isEmpty() || cue.bearingDeg().isEmpty()) return Optional.empty();
        Coordinate s = zones.toLocal(sensor.get());
        double mid = (cue.rangeMinM() + cue.rangeMaxM()) / 2;
        // The bearing is from true north; turn it into a grid bearing with the projection's convergence at the
        // sensor (about 1 degree in the Caucasus on UTM 38N, i.e. 200 m at 10 km: worth correcting).
        GeoPoint north = new GeoPoint(Math.min(90, sensor.get().lat() + 0.01), sensor.get().lon());
        Coordinate n = zones.toLocal(north);
        double convergence = Math.atan2(n.x - s.x, n.y - s.y);
        double bearing = Math.toRadians(cue.bearingDeg().get()) + convergence;
        Coordinate at = new Coordinate(s.x + mid * Math.sin(bearing), s.y + mid * Math.cos(bearing));
        double along = (cue.rangeMaxM() - cue.rangeMinM()) / Math.sqrt(12);
        double across = mid * Math.toRadians(cue.bearingSigmaDeg());
        return Optional.of(new Located(at, Math.max(along, across)));
    }
}
