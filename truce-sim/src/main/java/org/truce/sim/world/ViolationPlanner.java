package org.truce.sim.world;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.operation.distance.DistanceOp;
import org.truce.ground.PartyId;
import org.truce.agreement.PartyRole;
import org.truce.agreement.RuleSpec;
import org.truce.ground.ZoneId;
import org.truce.ground.AssetKind;
import org.truce.ground.ObjectClass;
import org.truce.sim.setup.SimulationSetup;
import org.truce.sim.truth.ViolationMonitor;

/**
 * Plans the injected violations: for every rule binding during the run, as many as the setup asks for its type,
 * at random times and places drawn from the seed. Driven only by the rule records: a violator is a unit or asset
 * staged where it legitimately may be, which then does what the rule forbids for a while and comes back.
 * A planned violation that finds no feasible place is skipped (and then is not in the ground truth).
 */
public final class ViolationPlanner {
    private static final ObjectClass[] CLASSES = {ObjectClass.TANK, ObjectClass.APC, ObjectClass.INFANTRY, ObjectClass.TRUCK};
    private static final double GROUND_SPEED = 6;
    private static final double BEACON_SPEED = 10;

    private final TheaterMap map;
    private final World world;
    private final WorldBuilder builder;
    private final SimulationSetup.Violations spec;
    private final SplittableRandom rnd;
    private final ViolationMonitor monitor;
    private final double endS;

    public ViolationPlanner(WorldBuilder builder, SplittableRandom rnd, ViolationMonitor monitor, double endS) {
        this.builder = builder;
        this.world = builder.world();
        this.map = world.map;
        this.spec = world.setup.violations();
        this.rnd = rnd;
        this.monitor = monitor;
        this.endS = endS;
    }

    public void plan() {
        for (ActiveRule r : map.rules()) {
            if (!latest(r)) continue;
            int n = spec.countFor(r.spec().type());
            for (int i = 0; i < n; i++) {
                double bindS = Math.max(0, builder.seconds(r.binds()));
                double maxDwell = spec.maxDwellMinutes() * 60;
                double from = bindS + 600, to = endS - maxDwell - 5400;
                if (to <= from) break;
                double atS = from + rnd.nextDouble() * (to - from);
                double dwellS = 60 * (spec.minDwellMinutes() + rnd.nextDouble() * (spec.maxDwellMinutes() - spec.minDwellMinutes()));
                switch (r.spec()) {
                    case RuleSpec.CeaseFire c -> fire(c, atS);
                    case RuleSpec.HoldPositions h -> crossing(h, atS, dwellS);
                    case RuleSpec.WithdrawBy w -> overstay(w, dwellS);
                    case RuleSpec.CorridorControl c -> corridor(c, atS, dwellS);
                    case RuleSpec.ForceCap f -> leaveZone(f, atS, dwellS);
                    case RuleSpec.RestrictedMovement m -> wander(m, atS, dwellS);
                }
            }
        }
    }

    /** Of the versions of a rule binding in the run, plan only on the one binding last (avoids doubles). */
    private boolean latest(ActiveRule r) {
        ActiveRule last = r;
        for (ActiveRule o : map.rules()) {
            if (o.spec().id().equals(r.spec().id())) last = o;
        }
        return last == r;
    }

    private List<PartyId> belligerentsWithHome() {
        List<PartyId> l = new ArrayList<>();
        for (var p : map.agreement().parties()) {
            if (p.role() == PartyRole.BELLIGERENT && builder.home(p.id()).isPresent()) l.add(p.id());
        }
        return l;
    }

    private void fire(RuleSpec.CeaseFire c, double atS) {
        List<PartyId> shooters = belligerentsWithHome();
        Optional<ZoneId> held = map.heldArea();
        if (shooters.isEmpty() || held.isEmpty()) return;
        PartyId p = shooters.get(rnd.nextInt(shooters.size()));
        Geometry h = builder.home(p).get();
        Coordinate launch = null;
        for (int i = 0; i < 2000 && launch == null; i++) {
            Coordinate q = map.randomPointIn(h, rnd);
            if (map.distanceToBoundary(held.get(), q.x, q.y) < world.setup.standoffM() + 5000) launch = q;
        }
        if (launch == null) launch = map.randomPointIn(h, rnd);
        Coordinate edge = nearestOnBoundary(map.zone(held.get()), launch);
        double dx = edge.x - launch.x, dy = edge.y - launch.y, d = Math.max(1, Math.hypot(dx, dy));
        double beyond = 3000 + rnd.nextDouble() * 5000;
        Coordinate impact = new Coordinate(edge.x + dx / d * beyond, edge.y + dy / d * beyond);
        int burst = world.bursts.size();
        int shots = spec.minShots() + rnd.nextInt(2 * spec.minShots() + 1);
        double t = atS;
        double flight = launch.distance(impact) / 400;
        for (int k = 0; k < shots; k++) {
            double jx = rnd.nextGaussian() * 30, jy = rnd.nextGaussian() * 30;
            double ix = rnd.nextGaussian() * 150, iy = rnd.nextGaussian() * 150;
            world.shots.add(new Shot(burst, p, t, launch.x + jx, launch.y + jy, t + flight, impact.x + ix, impact.y + iy));
            if (k < shots - 1) t += 10 + rnd.nextDouble() * 50;
        }
        world.bursts.add(new World.Burst(burst, c.id(), p, atS, t + flight, launch, impact));
    }

    private void crossing(RuleSpec.HoldPositions h, double atS, double dwellS) {
        PartyId p = rnd.nextBoolean() ? h.insideParty() : h.outsideParty();
        if (builder.home(p).isEmpty()) p = p.equals(h.insideParty()) ? h.outsideParty() : h.insideParty();
        Optional<Geometry> homeArea = builder.home(p);
        if (homeArea.isEmpty()) return;
        Geometry held = map.zone(h.heldArea());
        boolean inside = p.equals(h.insideParty());
        Geometry side = inside ? homeArea.get().intersection(held) : homeArea.get().difference(held);
        if (side.getArea() < 1e4) return;
        Geometry forbidden = map.forbiddenFor(p).difference(held.buffer(1)).union(withdrawZones(p));
        double reach = world.setup.standoffM() + h.toleranceM() + 3000;
        for (int i = 0; i < 400; i++) {
            Coordinate stage = map.randomPointIn(side, rnd);
            if (map.distanceToBoundary(h.heldArea(), stage.x, stage.y) > reach && i < 300) continue;
            Coordinate edge = nearestOnBoundary(held, stage);
            double dx = edge.x - stage.x, dy = edge.y - stage.y, d = Math.hypot(dx, dy);
            double beyond = h.toleranceM() + spec.depthM() * (1 + rnd.nextDouble());
            Coordinate target = new Coordinate(edge.x + dx / d * beyond, edge.y + dy / d * beyond);
            boolean across = map.contains(h.heldArea(), target.x, target.y) != inside;
            if (!across || map.distanceToBoundary(h.heldArea(), target.x, target.y) < h.toleranceM() + spec.depthM() * 0.8) {
                continue;
            }
            if (forbidden.intersects(line(stage, target)) || !inTheater(target)) continue;
            Unit u = violator(p, stage);
            goAndReturn(u, stage, target, atS, dwellS, GROUND_SPEED);
            monitor.plan(u.id(), h.id());
            return;
        }
    }

    private void overstay(RuleSpec.WithdrawBy w, double dwellS) {
        double deadline = builder.seconds(w.deadline());
        if (deadline <= 0 || deadline >= endS - spec.maxDwellMinutes() * 60 - 3600) return;
        List<PartyId> ps = w.parties().stream().sorted().toList();
        if (ps.isEmpty()) return;
        PartyId p = ps.get(rnd.nextInt(ps.size()));
        Geometry legit = map.legitimateArea(p, map.zone(w.zone()), world.setup.standoffM());
        if (legit.getArea() < 1e4) return;
        // Units that linger do so near the line they were to withdraw across, where they are also watched.
        Optional<ZoneId> held = map.heldArea();
        double reach = world.setup.standoffM() + 3500;
        Coordinate stage = map.randomPointIn(legit, rnd);
        for (int i = 0; i < 300 && held.isPresent()
                && map.distanceToBoundary(held.get(), stage.x, stage.y) > reach; i++) {
            stage = map.randomPointIn(legit, rnd);
        }
        Unit u = violator(p, stage);
        Coordinate to = builder.withdrawalTarget(u, "violations");
        u.plan(new Leg(to.x, to.y, GROUND_SPEED, deadline + dwellS));
        monitor.plan(u.id(), w.id());
    }

    private void corridor(RuleSpec.CorridorControl c, double atS, double dwellS) {
        List<PartyId> ps = belligerentsWithHome().stream().filter(p -> !c.allowedParties().contains(p)).toList();
        if (ps.isEmpty()) return;
        PartyId p = ps.get(rnd.nextInt(ps.size()));
        Geometry corridor = map.zone(c.corridor());
        Geometry inner = corridor.buffer(-300);
        Geometry home = builder.home(p).get();
        double reach = world.setup.standoffM() + 4000;
        for (int i = 0; i < 400; i++) {
            Coordinate stage = map.randomPointIn(home, rnd);
            if (map.distanceToBoundary(c.corridor(), stage.x, stage.y) > reach && i < 300) continue;
            Coordinate edge = nearestOnBoundary(corridor, stage);
            double dx = edge.x - stage.x, dy = edge.y - stage.y, d = Math.hypot(dx, dy);
            double in = 600 + rnd.nextDouble() * 900;
            Coordinate target = new Coordinate(edge.x + dx / d * in, edge.y + dy / d * in);
            if (!inner.contains(map.point(target.x, target.y))) continue;
            LineString l = line(stage, target);
            if (crossesHeldLine(p, l) || withdrawZones(p).intersects(l)) continue;
            Unit u = violator(p, stage);
            goAndReturn(u, stage, target, atS, dwellS, GROUND_SPEED);
            monitor.plan(u.id(), c.id());
            return;
        }
    }

    private void leaveZone(RuleSpec.ForceCap f, double atS, double dwellS) {
        Geometry allowed = map.union(f.allowedZones());
        Geometry legit = allowed.buffer(-world.setup.standoffM());
        if (legit.getArea() < 1e4) return;
        double reach = world.setup.standoffM() + 3000;
        for (int i = 0; i < 400; i++) {
            Coordinate stage = map.randomPointIn(legit, rnd);
            if (map.outsideBy(f.allowedZones(), stage.x, stage.y) > 0) continue;
            Coordinate edge = nearestOnBoundary(allowed, stage);
            double d0 = edge.distance(stage);
            if (d0 > reach && i < 300) continue;
            double dx = edge.x - stage.x, dy = edge.y - stage.y;
            double beyond = spec.depthM() * (1 + rnd.nextDouble());
            Coordinate target = new Coordinate(edge.x + dx / d0 * beyond, edge.y + dy / d0 * beyond);
            if (map.outsideBy(f.allowedZones(), target.x, target.y) < spec.depthM() * 0.8 || !inTheater(target)) continue;
            Unit u = violator(f.party(), stage);
            goAndReturn(u, stage, target, atS, dwellS, GROUND_SPEED);
            monitor.plan(u.id(), f.id());
            return;
        }
    }

    private void wander(RuleSpec.RestrictedMovement m, double atS, double dwellS) {
        List<SimAsset> candidates = world.assets.stream()
                .filter(a -> a.owner().equals(m.contingent()) && m.assetKinds().contains(a.asset().kind())).toList();
        if (candidates.isEmpty()) return;
        SimAsset a = candidates.get(rnd.nextInt(candidates.size()));
        double depth = m.toleranceM() + spec.depthM();
        long seed = rnd.nextLong();
        monitor.plan(a.id(), m.id());
        if (a.asset().kind() == AssetKind.DRONE) {
            world.orders.add(new World.Order(atS, now -> {
                for (DroneFlight f : world.flights) {
                    if (f.drone() == a && f.patrolling()) {
                        Optional<Coordinate> q = outsidePoint(m, a, depth, new SplittableRandom(seed), 12_000);
                        if (q.isEmpty()) return false;
                        f.detour(q.get(), now, dwellS);
                        return true;
                    }
                }
                return now > endS - 2 * 3600;
            }));
        } else if (!a.asset().fixed()) {
            world.orders.add(new World.Order(atS, now -> {
                Optional<Coordinate> q = outsidePoint(m, a, depth, new SplittableRandom(seed), 20_000);
                if (q.isEmpty()) return true;
                Coordinate back = new Coordinate(a.x(), a.y());
                a.clearPlan();
                goAndReturn(a, back, q.get(), now, dwellS, BEACON_SPEED);
                return true;
            }));
        }
    }

    private Optional<Coordinate> outsidePoint(RuleSpec.RestrictedMovement m, SimAsset a, double depth,
                                              SplittableRandom r, double maxM) {
        for (int i = 0; i < 2000; i++) {
            double ang = r.nextDouble() * 2 * Math.PI, dist = 500 + r.nextDouble() * maxM;
            double x = a.x() + dist * Math.sin(ang), y = a.y() + dist * Math.cos(ang);
            double out = map.outsideBy(m.allowedZones(), x, y);
            if (out >= depth && out <= 2 * depth && inTheater(new Coordinate(x, y))) return Optional.of(new Coordinate(x, y));
        }
        return Optional.empty();
    }

    private Unit violator(PartyId p, Coordinate stage) {
        Unit u = new Unit(world.units.size(), builder.nextUnitId(p), p, CLASSES[rnd.nextInt(CLASSES.length)], 1,
                Unit.Role.VIOLATOR, stage.x, stage.y);
        world.add(u);
        return u;
    }

    private static void goAndReturn(Mover m, Coordinate stage, Coordinate target, double atS, double dwellS, double speed) {
        double travel = stage.distance(target) / speed;
        m.plan(new Leg(target.x, target.y, speed, atS));
        m.plan(new Leg(stage.x, stage.y, speed, atS + travel + dwellS));
    }

    private boolean crossesHeldLine(PartyId p, LineString l) {
        for (ActiveRule r : map.rules()) {
            if (r.spec() instanceof RuleSpec.HoldPositions h
                    && (h.insideParty().equals(p) || h.outsideParty().equals(p))
                    && map.zone(h.heldArea()).getBoundary().intersects(l)) {
                return true;
            }
        }
        return false;
    }

    private Geometry withdrawZones(PartyId p) {
        Geometry g = map.factory().createGeometryCollection();
        for (ActiveRule r : map.rules()) {
            if (r.spec() instanceof RuleSpec.WithdrawBy w && w.parties().contains(p)) g = g.union(map.zone(w.zone()));
        }
        return g;
    }

    private boolean inTheater(Coordinate c) {
        return map.firstZone(org.truce.agreement.ZoneRole.THEATER).map(t -> map.contains(t, c.x, c.y)).orElse(true);
    }

    private LineString line(Coordinate a, Coordinate b) {
        return map.factory().createLineString(new Coordinate[]{a, b});
    }

    private Coordinate nearestOnBoundary(Geometry g, Coordinate from) {
        return DistanceOp.nearestPoints(g.getBoundary(), map.point(from.x, from.y))[0];
    }
}
