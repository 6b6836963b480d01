package org.truce.sim.world;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.operation.distance.IndexedFacetDistance;
import org.truce.agreement.Agreement;
import org.truce.ground.PartyId;
import org.truce.agreement.Provision;
import org.truce.agreement.ProvisionVersion;
import org.truce.agreement.RuleSpec;
import org.truce.ground.ZoneId;
import org.truce.agreement.ZoneRole;

/**
 * The agreement's zones in local metres (prepared for fast point tests) and the rules that bind during a run.
 * Built once per simulation; not thread-safe (it lends out the simulation's {@link Projector}).
 */
public final class TheaterMap {
    private final Agreement agreement;
    private final Projector projector;
    private final GeometryFactory gf = new GeometryFactory();
    private final Map<ZoneId, Geometry> local = new HashMap<>();
    private final Map<ZoneId, PreparedGeometry> prepared = new HashMap<>();
    private final Map<ZoneId, IndexedFacetDistance> boundaryDistance = new HashMap<>();
    private final List<ActiveRule> rules = new ArrayList<>();

    /** Keeps the rules that bind at some instant of [from, to). */
    public TheaterMap(Agreement agreement, Instant from, Instant to) {
        this.agreement = agreement;
        this.projector = new Projector(agreement.projection());
        agreement.zones().forEach((id, z) -> {
            Geometry g = projector.toLocal(z.geometry());
            local.put(id, g);
            prepared.put(id, PreparedGeometryFactory.prepare(g));
            boundaryDistance.put(id, new IndexedFacetDistance(g.getBoundary()));
        });
        for (Provision p : agreement.provisions()) {
            for (ProvisionVersion v : p.versions()) {
                for (RuleSpec r : v.rules()) {
                    ActiveRule a = ActiveRule.of(p, v, r);
                    if (a.bindsDuring(from, to)) rules.add(a);
                }
            }
        }
    }

    public Agreement agreement() { return agreement; }

    public Projector projector() { return projector; }

    public GeometryFactory factory() { return gf; }

    /** Rules binding at some time of the run, in agreement order. */
    public List<ActiveRule> rules() { return List.copyOf(rules); }

    public boolean hasZone(ZoneId id) { return local.containsKey(id); }

    public Geometry zone(ZoneId id) {
        Geometry g = local.get(id);
        if (g == null) throw new IllegalArgumentException("zone '" + id + "' is not in agreement " + agreement.id());
        return g;
    }

    public boolean contains(ZoneId zone, double x, double y) {
        return prepared.get(zone).covers(point(x, y));
    }

    /** Distance in metres from (x, y) to the zone's boundary. */
    public double distanceToBoundary(ZoneId zone, double x, double y) {
        return boundaryDistance.get(zone).distance(point(x, y));
    }

    /** Metres by which (x, y) lies outside the union of {@code zones} (0 when inside one). */
    public double outsideBy(List<ZoneId> zones, double x, double y) {
        double best = Double.POSITIVE_INFINITY;
        for (ZoneId z : zones) {
            if (contains(z, x, y)) return 0;
            best = Math.min(best, distanceToBoundary(z, x, y));
        }
        return best;
    }

    /** The point of the zone's boundary nearest to (x, y). */
    public Coordinate nearestOnBoundary(ZoneId zone, double x, double y) {
        return boundaryDistance.get(zone).nearestPoints(point(x, y))[0];
    }

    public Point point(double x, double y) {
        return gf.createPoint(new Coordinate(x, y));
    }

    public Geometry union(List<ZoneId> zones) {
        Geometry u = gf.createGeometryCollection();
        for (ZoneId z : zones) u = u.union(zone(z));
        return u;
    }

    /** The first zone with the given role. */
    public Optional<ZoneId> firstZone(ZoneRole role) {
        return agreement.zones().values().stream().filter(z -> z.role() == role).map(z -> z.id()).findFirst();
    }

    /**
     * The line of contact: the held area of the first hold-positions rule, or else the first held area.
     */
    public Optional<ZoneId> heldArea() {
        for (ActiveRule a : rules) {
            if (a.spec() instanceof RuleSpec.HoldPositions h) return Optional.of(h.heldArea());
        }
        return firstZone(ZoneRole.HELD_AREA);
    }

    /**
     * Where a party's units may legitimately be, inside {@code base}: at least {@code standoffM} from every line
     * a binding rule forbids the party to cross, from corridors it may not enter, from the districts it must leave
     * (unless {@code base} is such a district) and inside the zones a force cap confines it to.
     */
    public Geometry legitimateArea(PartyId party, Geometry base, double standoffM) {
        Geometry a = base;
        for (ActiveRule r : rules) {
            switch (r.spec()) {
                case RuleSpec.HoldPositions h when h.insideParty().equals(party) || h.outsideParty().equals(party) -> {
                    Geometry band = zone(h.heldArea()).getBoundary().buffer(standoffM + h.toleranceM());
                    a = a.difference(band);
                    if (h.outsideParty().equals(party)) a = a.difference(zone(h.heldArea()));
                }
                case RuleSpec.CorridorControl c when !c.allowedParties().contains(party) ->
                        a = a.difference(zone(c.corridor()).buffer(standoffM));
                case RuleSpec.WithdrawBy w when w.parties().contains(party) && !zone(w.zone()).covers(base) -> {
                    Geometry z = zone(w.zone());
                    if (!z.buffer(1).covers(base)) a = a.difference(z.buffer(standoffM));
                }
                case RuleSpec.ForceCap f when f.party().equals(party) ->
                        a = a.intersection(union(f.allowedZones()).buffer(-standoffM));
                default -> { }
            }
        }
        Optional<ZoneId> theater = firstZone(ZoneRole.THEATER);
        if (theater.isPresent()) a = a.intersection(zone(theater.get()).buffer(-standoffM));
        return a;
    }

    /**
     * What a party's units may not drive through at all: corridors closed to it and held areas it must stay out of.
     */
    public Geometry forbiddenFor(PartyId party) {
        Geometry f = gf.createGeometryCollection();
        for (ActiveRule r : rules) {
            switch (r.spec()) {
                case RuleSpec.HoldPositions h when h.outsideParty().equals(party) -> f = f.union(zone(h.heldArea()));
                case RuleSpec.CorridorControl c when !c.allowedParties().contains(party) -> f = f.union(zone(c.corridor()));
                default -> { }
            }
        }
        return f;
    }

    /** A uniformly random point of a polygonal geometry; fails if the area is empty or vanishingly small. */
    public Coordinate randomPointIn(Geometry g, SplittableRandom rnd) {
        if (g.isEmpty() || g.getArea() < 1) throw new IllegalStateException("no area to place a unit in");
        PreparedGeometry p = PreparedGeometryFactory.prepare(g);
        Envelope e = g.getEnvelopeInternal();
        for (int i = 0; i < 100_000; i++) {
            double x = e.getMinX() + rnd.nextDouble() * e.getWidth();
            double y = e.getMinY() + rnd.nextDouble() * e.getHeight();
            if (p.contains(point(x, y))) return new Coordinate(x, y);
        }
        throw new IllegalStateException("could not sample a point in an area of " + g.getArea() + " m²");
    }

    /** Whether the straight path between two points stays inside {@code allowed}. */
    public boolean pathInside(Geometry allowed, Coordinate a, Coordinate b) {
        LineString l = gf.createLineString(new Coordinate[]{a, b});
        return allowed.covers(l);
    }
}
