package org.truce.sim.world;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.truce.ground.ContingentId;
import org.truce.ground.PartyId;
import org.truce.agreement.RuleSpec;
import org.truce.ground.ZoneId;
import org.truce.geo.GeoPoint;
import org.truce.sensing.Asset;
import org.truce.ground.AssetId;
import org.truce.ground.AssetKind;
import org.truce.ground.ObjectClass;
import org.truce.sensing.SensorSpec;
import org.truce.sim.setup.SimulationSetup;
import org.truce.sim.setup.SimulationSetup.SetupException;

/**
 * Builds the legitimate theater from a setup: forces placed in their areas (kept {@code standoffM} from the lines
 * they must not cross), units of districts due for handover withdrawing before the deadline, peacekeepers at their
 * posts and on patrol, drones, cameras, acoustic arrays and staff beacons. Errors name the setup field.
 */
public final class WorldBuilder {
    private final TheaterMap map;
    private final SimulationSetup setup;
    private final SplittableRandom rnd;
    private final double endS;
    private final World world;
    private final Map<PartyId, Geometry> home = new TreeMap<>();
    private final Map<PartyId, Integer> serial = new TreeMap<>();

    public WorldBuilder(TheaterMap map, SimulationSetup setup, SplittableRandom rnd, double endS) {
        this.map = map;
        this.setup = setup;
        this.rnd = rnd;
        this.endS = endS;
        this.world = new World(map, setup);
    }

    public World build() {
        forces();
        peacekeepers();
        drones();
        fixedSensors();
        beacons();
        outages();
        return world;
    }

    /** Where a party's units legitimately hold, outside districts they must leave during the run. */
    public Optional<Geometry> home(PartyId party) {
        return Optional.ofNullable(home.get(party));
    }

    public World world() { return world; }

    /** The next unit id of a party: {@code U-<party>-<nnn>}. */
    public String nextUnitId(PartyId party) {
        int n = serial.merge(party, 1, Integer::sum);
        return "U-" + party.value() + "-" + String.format("%03d", n);
    }

    /** Local geometry of a setup area. */
    public Geometry area(SimulationSetup.Area a, String field) {
        if (a.zone() != null) {
            ZoneId z = ZoneId.of(a.zone());
            if (!map.hasZone(z)) throw new SetupException(field + ".zone: zone '" + a.zone() + "' is not in the agreement");
            return map.zone(z);
        }
        Coordinate[] ring = new Coordinate[a.ring().size() + 1];
        for (int i = 0; i < a.ring().size(); i++) {
            ring[i] = map.projector().toLocal(a.ring().get(i).get(0), a.ring().get(i).get(1));
        }
        ring[ring.length - 1] = ring[0];
        Geometry g = map.factory().createPolygon(ring);
        if (!g.isValid()) throw new SetupException(field + ".ring: the ring is not a valid polygon (self-intersecting?)");
        return g;
    }

    /** The withdraw-by rule due during the run that binds {@code party} in {@code base}, if any. */
    public Optional<RuleSpec.WithdrawBy> dueWithdrawal(PartyId party, Geometry base) {
        for (ActiveRule r : map.rules()) {
            if (r.spec() instanceof RuleSpec.WithdrawBy w && w.parties().contains(party)
                    && map.zone(w.zone()).buffer(1).covers(base.getInteriorPoint())
                    && seconds(w.deadline()) > 0 && seconds(w.deadline()) < endS) {
                return Optional.of(w);
            }
        }
        return Optional.empty();
    }

    public double seconds(java.time.Instant t) {
        return (t.toEpochMilli() - setup.start().toEpochMilli()) / 1000.0;
    }

    private PartyId party(String id, String field) {
        PartyId p = PartyId.of(id);
        if (map.agreement().party(p).isEmpty()) throw new SetupException(field + ": party '" + id + "' is not in the agreement");
        return p;
    }

    private ContingentId contingent(String id, String field) {
        ContingentId c = ContingentId.of(id);
        if (map.agreement().contingent(c).isEmpty()) {
            throw new SetupException(field + ": contingent '" + id + "' is not in the agreement");
        }
        return c;
    }

    private static ObjectClass objectClass(String name, String field) {
        try {
            return ObjectClass.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new SetupException(field + ": '" + name + "' is not an object class " + List.of(ObjectClass.values()));
        }
    }

    private void forces() {
        record Group(PartyId party, Geometry legit, SimulationSetup.Forces spec, Optional<RuleSpec.WithdrawBy> due,
                     String field) { }
        List<Group> groups = new ArrayList<>();
        for (int i = 0; i < setup.forces().size(); i++) {
            var f = setup.forces().get(i);
            String field = "forces[" + i + "]";
            PartyId p = party(f.party(), field + ".party");
            Geometry base = area(f.area(), field + ".area");
            Geometry legit = map.legitimateArea(p, base, setup.standoffM());
            if (legit.getArea() < 1e6) {
                throw new SetupException(field + ": less than 1 km² is left for units of " + p + " in its area after keeping "
                        + setup.standoffM() + " m from the lines and zones the agreement closes to it");
            }
            Optional<RuleSpec.WithdrawBy> due = dueWithdrawal(p, base);
            groups.add(new Group(p, legit, f, due, field));
            if (due.isEmpty()) home.merge(p, legit, Geometry::union);
        }
        for (Group g : groups) {
            var prepared = PreparedGeometryFactory.prepare(g.legit());
            for (var e : new TreeMap<>(g.spec().units()).entrySet()) {
                ObjectClass c = objectClass(e.getKey(), g.field() + ".units");
                for (int k = 0; k < e.getValue(); k++) {
                    Coordinate at = map.randomPointIn(g.legit(), rnd);
                    Unit.Role role = g.due().isPresent() ? Unit.Role.WITHDRAWING
                            : rnd.nextDouble() < g.spec().movingShare() ? Unit.Role.MOVING : Unit.Role.HOLDING;
                    Unit u = new Unit(world.units.size(), nextUnitId(g.party()), g.party(), c, 1, role, at.x, at.y);
                    world.add(u);
                    if (role == Unit.Role.MOVING) {
                        world.roamers.add(new World.Roamer(u, prepared, g.spec().speedMps(), 6000, 900));
                    } else if (role == Unit.Role.WITHDRAWING) {
                        double deadline = seconds(g.due().get().deadline());
                        Coordinate to = withdrawalTarget(u, g.field());
                        double travel = to.distance(at) / g.spec().speedMps();
                        double depart = deadline - travel - 1800 - rnd.nextDouble() * 3 * 3600;
                        if (depart < 0) depart = rnd.nextDouble() * Math.max(0, Math.min(1800, deadline - travel - 1800));
                        u.plan(new Leg(to.x, to.y, g.spec().speedMps(), depart));
                    }
                }
            }
        }
    }

    /** Where a unit leaving a district goes: the nearest of some home points reachable without crossing a closed zone. */
    public Coordinate withdrawalTarget(Unit u, String field) {
        Geometry h = home.get(u.party());
        if (h == null) throw new SetupException(field + ": party " + u.party() + " has no area to withdraw to");
        Geometry forbidden = map.forbiddenFor(u.party());
        Coordinate from = new Coordinate(u.x(), u.y());
        List<Coordinate> candidates = new ArrayList<>();
        for (int i = 0; i < 40; i++) candidates.add(map.randomPointIn(h, rnd));
        candidates.sort(Comparator.comparingDouble(c -> c.distance(from)));
        for (Coordinate c : candidates) {
            LineString l = map.factory().createLineString(new Coordinate[]{from, c});
            if (!forbidden.intersects(l)) return c;
        }
        return candidates.getFirst();
    }

    private void peacekeepers() {
        var pk = setup.peacekeepers();
        PartyId p = party(pk.party(), "peacekeepers.party");
        List<ZoneId> allowed = new ArrayList<>();
        for (ActiveRule r : map.rules()) {
            if (r.spec() instanceof RuleSpec.ForceCap f && f.party().equals(p)) allowed.addAll(f.allowedZones());
        }
        for (int s = 0; s < pk.sectors().size(); s++) {
            var sector = pk.sectors().get(s);
            String field = "peacekeepers.sectors[" + s + "]";
            for (int i = 0; i < sector.posts().size(); i++) {
                var ll = sector.posts().get(i);
                Coordinate c = map.projector().toLocal(ll.get(0), ll.get(1));
                if (!allowed.isEmpty() && (map.outsideBy(allowed, c.x, c.y) > 0
                        || minBoundaryDistance(allowed, c) < 500)) {
                    throw new SetupException(field + ".posts[" + i + "]: post " + ll + " is not at least 500 m inside "
                            + allowed);
                }
                for (var e : new TreeMap<>(pk.unitsPerPost()).entrySet()) {
                    ObjectClass oc = objectClass(e.getKey(), "peacekeepers.unitsPerPost");
                    for (int k = 0; k < e.getValue(); k++) {
                        double a = rnd.nextDouble() * 2 * Math.PI, r = 30 + rnd.nextDouble() * 120;
                        world.add(new Unit(world.units.size(), nextUnitId(p), p, oc, 1, Unit.Role.POST,
                                c.x + r * Math.sin(a), c.y + r * Math.cos(a)));
                    }
                }
            }
            List<Coordinate> route = new ArrayList<>();
            for (var ll : sector.route()) route.add(map.projector().toLocal(ll.get(0), ll.get(1)));
            if (!allowed.isEmpty()) {
                Geometry inner = map.union(allowed).buffer(-300);
                for (int i = 1; i < route.size(); i++) {
                    if (!map.pathInside(inner, route.get(i - 1), route.get(i))) {
                        throw new SetupException(field + ".route[" + i + "]: the leg leaves " + allowed
                                + " (or comes within 300 m of its edge)");
                    }
                }
            }
            ObjectClass pc = objectClass(pk.patrolClass(), "peacekeepers.patrolClass");
            for (int k = 0; k < pk.patrolsPerSector(); k++) {
                // Patrols start at an end of the route: from a middle vertex the first leg would cut across it.
                Coordinate c = rnd.nextBoolean() ? route.getFirst() : route.getLast();
                Unit u = new Unit(world.units.size(), nextUnitId(p), p, pc, 1, Unit.Role.PATROL, c.x, c.y);
                world.add(u);
                world.patrols.add(new World.Patrol(u, route, pk.patrolSpeedMps()));
            }
        }
    }

    private double minBoundaryDistance(List<ZoneId> zones, Coordinate c) {
        double best = Double.POSITIVE_INFINITY;
        for (ZoneId z : zones) if (map.contains(z, c.x, c.y)) best = Math.min(best, map.distanceToBoundary(z, c.x, c.y));
        return best;
    }

    /** The zones a contingent's assets of a kind are confined to, or the theater when no rule confines them. */
    public List<ZoneId> confinement(ContingentId c, AssetKind kind) {
        for (ActiveRule r : map.rules()) {
            if (r.spec() instanceof RuleSpec.RestrictedMovement m && m.contingent().equals(c) && m.assetKinds().contains(kind)) {
                return m.allowedZones();
            }
        }
        return map.firstZone(org.truce.agreement.ZoneRole.THEATER).map(List::of)
                .orElseThrow(() -> new SetupException("the agreement has no theater zone"));
    }

    private Coordinate baseSite() {
        ZoneId b = ZoneId.of(setup.base());
        if (!map.hasZone(b)) throw new SetupException("base: zone '" + setup.base() + "' is not in the agreement");
        return map.zone(b).getInteriorPoint().getCoordinate();
    }

    private void drones() {
        ZoneId held = map.heldArea().orElseThrow(() -> new SetupException("drones: the agreement has no held area (line of contact)"));
        Coordinate base = baseSite();
        var sm = setup.sensors();
        int n = setup.drones().size();
        for (int i = 0; i < n; i++) {
            var d = setup.drones().get(i);
            String field = "drones[" + i + "]";
            ContingentId c = contingent(d.contingent(), field + ".contingent");
            Geometry allowed = map.union(confinement(c, AssetKind.DRONE)).buffer(-1000);
            Geometry track = map.zone(held).buffer(d.standoffM()).getBoundary().intersection(allowed);
            LineString longest = null;
            for (int k = 0; k < track.getNumGeometries(); k++) {
                if (track.getGeometryN(k) instanceof LineString l && (longest == null || l.getLength() > longest.getLength())) {
                    longest = l;
                }
            }
            if (longest == null || longest.getLength() < 1000) {
                throw new SetupException(field + ": no patrol track " + d.standoffM() + " m from the line of contact lies "
                        + "inside the drone's airspace");
            }
            Asset a = new Asset(AssetId.of(d.id()), c, AssetKind.DRONE, d.model(),
                    new SensorSpec(d.rangeM(), d.hfovDeg(), d.vfovDeg(), d.speedMps() * 1.6, sm.fixSeconds()),
                    OptionalInt.of(d.systemId()), Optional.empty(), Optional.empty());
            SimAsset s = new SimAsset(a, base.x, base.y, 0);
            world.assets.add(s);
            world.flights.add(new DroneFlight(s, d, longest, base, i % 2 == 0 ? 1 : -1));
        }
    }

    private void fixedSensors() {
        var sm = setup.sensors();
        for (int i = 0; i < setup.cameras().size(); i++) {
            var c = setup.cameras().get(i);
            String field = "cameras[" + i + "]";
            Coordinate at = map.projector().toLocal(c.site().get(0), c.site().get(1));
            Asset a = new Asset(AssetId.of(c.id()), contingent(c.contingent(), field + ".contingent"), AssetKind.CAMERA,
                    c.model(), new SensorSpec(c.rangeM(), c.hfovDeg(), 0, 0, sm.heartbeatSeconds()), OptionalInt.empty(),
                    Optional.of(GeoPoint.of(c.site().get(0), c.site().get(1))), Optional.empty());
            SimAsset s = new SimAsset(a, at.x, at.y, 0);
            world.assets.add(s);
            world.cameras.add(new World.FixedCamera(s, new View.Sector(at.x, at.y, c.azimuthDeg(), c.hfovDeg(), c.rangeM()),
                    c.rangeM()));
        }
        for (int i = 0; i < setup.acousticArrays().size(); i++) {
            var c = setup.acousticArrays().get(i);
            String field = "acousticArrays[" + i + "]";
            Coordinate at = map.projector().toLocal(c.site().get(0), c.site().get(1));
            Asset a = new Asset(AssetId.of(c.id()), contingent(c.contingent(), field + ".contingent"),
                    AssetKind.ACOUSTIC_ARRAY, c.model(), new SensorSpec(c.rangeM(), 0, 0, 0, sm.heartbeatSeconds()),
                    OptionalInt.empty(), Optional.of(GeoPoint.of(c.site().get(0), c.site().get(1))), Optional.empty());
            SimAsset s = new SimAsset(a, at.x, at.y, 0);
            world.assets.add(s);
            world.arrays.add(new World.Array(s, c.rangeM(), c.locates()));
        }
    }

    private void beacons() {
        var sm = setup.sensors();
        for (int i = 0; i < setup.beacons().size(); i++) {
            var b = setup.beacons().get(i);
            String field = "beacons[" + i + "]";
            ZoneId z = ZoneId.of(b.zone());
            if (!map.hasZone(z)) throw new SetupException(field + ".zone: zone '" + b.zone() + "' is not in the agreement");
            Geometry inner = map.zone(z).buffer(-10);
            Coordinate at = map.randomPointIn(inner, rnd);
            Asset a = new Asset(AssetId.of(b.id()), contingent(b.contingent(), field + ".contingent"),
                    AssetKind.STAFF_BEACON, "staff beacon", new SensorSpec(1, 0, 0, 20, sm.beaconFixSeconds()),
                    OptionalInt.empty(), Optional.empty(), Optional.empty());
            SimAsset s = new SimAsset(a, at.x, at.y, 0);
            world.assets.add(s);
            world.roamers.add(new World.Roamer(s, PreparedGeometryFactory.prepare(inner), 1.4, 300, 600));
        }
    }

    private void outages() {
        var sm = setup.sensors();
        double rate = sm.outagesPerAssetDay() / 86_400;
        if (rate <= 0) return;
        for (SimAsset a : world.assets) {
            double t = -Math.log(1 - rnd.nextDouble()) / rate;
            while (t < endS) {
                double len = 60 * (sm.outageMinMinutes() + rnd.nextDouble() * (sm.outageMaxMinutes() - sm.outageMinMinutes()));
                a.addOutage(t, t + len);
                t += len - Math.log(1 - rnd.nextDouble()) / rate;
            }
        }
    }
}
