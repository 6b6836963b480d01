package org.truce.sim;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.locationtech.jts.geom.Coordinate;
import org.truce.agreement.Agreement;
import org.truce.ground.PartyId;
import org.truce.ground.ZoneId;
import org.truce.pipeline.Acceptance;
import org.truce.pipeline.IngestPort;
import org.truce.sensing.Asset;
import org.truce.sensing.FireKind;
import org.truce.sim.setup.SimulationSetup;
import org.truce.sim.setup.SimulationSetup.SetupException;
import org.truce.sim.truth.AssetOutage;
import org.truce.sim.truth.EntityTruth;
import org.truce.sim.truth.FireEvent;
import org.truce.sim.truth.GroundTruth;
import org.truce.sim.truth.OriginListener;
import org.truce.sim.truth.PositionSample;
import org.truce.sim.truth.ViolationMonitor;
import org.truce.sim.world.DroneFlight;
import org.truce.sim.world.Leg;
import org.truce.sim.world.Mover;
import org.truce.sim.world.Sensors;
import org.truce.sim.world.Shot;
import org.truce.sim.world.SimAsset;
import org.truce.sim.world.TheaterMap;
import org.truce.sim.world.TimedObservation;
import org.truce.sim.world.Unit;
import org.truce.sim.world.View;
import org.truce.sim.world.ViolationPlanner;
import org.truce.sim.world.World;
import org.truce.sim.world.WorldBuilder;

/**
 * The simulated theater: a seeded, faster-than-real-time simulation of the parties' units, the peacekeepers, the
 * contingents' sensors and injected violations of every rule type of the agreement. It reaches the center only
 * through an {@link IngestPort} (channel {@code sim}), in time order, moving an injected {@link
 * org.truce.time.SimulatedClock} as it goes, and keeps the ground truth for scoring.
 *
 * <p>Deterministic: the same agreement, setup, seed and start give the same observations and truth, whatever the
 * port answers. All randomness comes from one {@link SplittableRandom} seeded with {@code seed}. Not thread-safe:
 * one thread runs it (a server feeding a center at N times real time calls {@link #runUntil} from its scheduler).
 */
public final class Simulation {
    /** The channel name the simulator's observations carry. */
    public static final String CHANNEL = "sim";

    private final SimulationSetup setup;
    private final long seed;
    private final Instant start;
    private final double endS;
    private final double dt;
    private final World world;
    private final ViolationMonitor monitor;
    private final Sensors sensors;
    private final SplittableRandom moveRnd;
    private final List<Shot> launches;
    private final List<Shot> impacts;
    private final boolean[] burstDone;
    private final Map<String, List<PositionSample>> samples = new TreeMap<>();
    private final List<FireEvent> fires = new ArrayList<>();
    private final List<World.Order> orders;
    private int nextLaunch;
    private int nextImpact;
    private double nowS;
    private double nextSampleS;
    private long steps;
    private long emitted;
    private long accepted;
    private OriginListener origins = OriginListener.none();

    /** A run of the setup's default duration. */
    public Simulation(Agreement agreement, SimulationSetup setup, long seed, Instant start) {
        this(agreement, setup, seed, start, setup.duration());
    }

    /**
     * @param duration how long the run is planned to be: injected violations fall inside it
     * @throws SetupException when the setup does not fit the agreement (names the setup field and the reason)
     */
    public Simulation(Agreement agreement, SimulationSetup setup, long seed, Instant start, Duration duration) {
        this.setup = Objects.requireNonNull(setup);
        this.seed = seed;
        this.start = Objects.requireNonNull(start);
        this.endS = duration.toMillis() / 1000.0;
        this.dt = setup.stepSeconds();
        SplittableRandom root = new SplittableRandom(seed);
        SplittableRandom buildRnd = root.split();
        SplittableRandom planRnd = root.split();
        SplittableRandom sensorRnd = root.split();
        this.moveRnd = root.split();
        SplittableRandom lookRnd = root.split();
        TheaterMap map = new TheaterMap(agreement, start, start.plus(duration));
        this.monitor = new ViolationMonitor(map, start, setup.violations().observableMinReports());
        WorldBuilder builder = new WorldBuilder(map, setup, buildRnd, endS);
        this.world = builder.build();
        checkUniqueIds();
        new ViolationPlanner(builder, planRnd, monitor, endS).plan();
        this.orders = new ArrayList<>(world.orders);
        orders.sort(Comparator.comparingDouble(World.Order::atS));
        this.launches = world.shots.stream().sorted(Comparator.comparingDouble(Shot::launchS)).toList();
        this.impacts = world.shots.stream().sorted(Comparator.comparingDouble(Shot::impactS)).toList();
        this.burstDone = new boolean[world.bursts.size()];
        List<PartyId> parties = agreement.parties().stream().map(p -> p.id()).sorted().toList();
        this.sensors = new Sensors(setup.sensors(), sensorRnd, map.projector(), monitor, start, parties,
                world.bursts.size(), lookRnd);
        for (Unit u : world.units) samples.put(u.id(), new ArrayList<>());
        for (SimAsset a : world.assets) samples.put(a.id(), new ArrayList<>());
        int k = 0;
        for (SimAsset a : world.assets) {
            double phase = (k++ % 7) * dt;
            a.nextFixS = phase;
            a.nextDetectionS = phase;
            a.nextFootprintS = phase;
        }
    }

    private void checkUniqueIds() {
        Set<String> seen = new HashSet<>();
        for (SimAsset a : world.assets) {
            if (!seen.add(a.id())) throw new SetupException("asset id '" + a.id() + "' is used twice in the setup");
        }
    }

    /**
     * Tells {@code listener}, for every observation sent from now on, the port's answer and what really lay behind
     * it (for evaluation). Replaces any earlier listener; does not change what is sent.
     */
    public void observeOrigins(OriginListener listener) {
        this.origins = Objects.requireNonNull(listener);
    }

    /** The assets to register with the center before running. */
    public List<Asset> assets() {
        return world.assets.stream().map(SimAsset::asset).toList();
    }

    public Instant start() { return start; }

    /** The flight plans the simulated contingents file for their drones' patrols, per day of the run. */
    public PatrolFlightPlans flightPlans() {
        return new PatrolFlightPlans(world.flights, world.map, start, end());
    }

    public Instant now() { return at(nowS); }

    /** End of the planned run. */
    public Instant end() { return at(endS); }

    public long seed() { return seed; }

    /** Runs for {@code duration} from the current simulated time. */
    public RunSummary run(Duration duration, IngestPort port, SimulatedClockLike clock, StepListener listener) {
        return runUntil(now().plus(duration), port, clock, listener);
    }

    /** Convenience for {@link org.truce.time.SimulatedClock}. */
    public RunSummary run(Duration duration, IngestPort port, org.truce.time.SimulatedClock clock, StepListener listener) {
        return runUntil(now().plus(duration), port, clock::advanceTo, listener);
    }

    public RunSummary runUntil(Instant until, IngestPort port, org.truce.time.SimulatedClock clock, StepListener listener) {
        return runUntil(until, port, clock::advanceTo, listener);
    }

    /**
     * Steps until the simulated time reaches {@code until} (rounded up to a whole step), sending every observation
     * to {@code port} in time order after moving the clock to its time, then calling {@code listener}.
     */
    public RunSummary runUntil(Instant until, IngestPort port, SimulatedClockLike clock, StepListener listener) {
        long wall0 = System.nanoTime();
        Instant from = now();
        long emitted0 = emitted, accepted0 = accepted, steps0 = steps;
        Map<String, Long> rejected = new TreeMap<>();
        double targetS = (until.toEpochMilli() - start.toEpochMilli()) / 1000.0;
        double fromS = nowS;
        while (nowS + 1e-9 < targetS) {
            step();
            List<TimedObservation> batch = new ArrayList<>(sensors.drain());
            batch.sort(Comparator.comparing((TimedObservation o) -> o.observation().time())
                    .thenComparingLong(TimedObservation::order));
            // Sensors stamp a step's reports at a few instants: the reports of one instant go to the port together
            // (one group commit on a durable store instead of one transaction each), with the clock at that
            // instant, so the log records the same acceptance times and order as report by report.
            for (int i = 0; i < batch.size(); ) {
                Instant t = batch.get(i).observation().time();
                int j = i;
                while (j < batch.size() && batch.get(j).observation().time().equals(t)) j++;
                List<TimedObservation> same = batch.subList(i, j);
                clock.advanceTo(t);
                List<Acceptance> answers = port.acceptAll(CHANNEL, same.stream().map(TimedObservation::observation).toList());
                for (int k = 0; k < same.size(); k++) {
                    Acceptance a = answers.get(k);
                    origins.sent(same.get(k).observation(), a, same.get(k).origin());
                    emitted++;
                    if (a instanceof Acceptance.Rejected r) rejected.merge(r.reason(), 1L, Long::sum);
                    else accepted++;
                }
                i = j;
            }
            clock.advanceTo(now());
            listener.afterStep(new SimStep(now(), steps, Math.min(1, (nowS - fromS) / Math.max(dt, targetS - fromS)),
                    emitted, accepted));
        }
        return new RunSummary(from, now(), steps - steps0, emitted - emitted0, accepted - accepted0, rejected,
                (System.nanoTime() - wall0) / 1_000_000);
    }

    /** How the simulation moves a clock: {@link org.truce.time.SimulatedClock#advanceTo} fits. */
    @FunctionalInterface
    public interface SimulatedClockLike {
        void advanceTo(Instant t);
    }

    private void step() {
        double t0 = nowS, t1 = nowS + dt;
        while (!orders.isEmpty() && orders.getFirst().atS() <= t1) {
            World.Order o = orders.removeFirst();
            if (!o.action().run(Math.max(o.atS(), t0))) {
                orders.add(new World.Order(o.atS() + 300, o.action()));
                orders.sort(Comparator.comparingDouble(World.Order::atS));
            }
        }
        for (World.Roamer r : world.roamers) if (r.mover().idle()) roam(r, t0);
        for (World.Patrol p : world.patrols) if (p.unit().idle()) patrol(p, t0);
        for (Unit u : world.units) u.advance(t0, dt);
        for (DroneFlight f : world.flights) f.advance(t0, dt);
        for (SimAsset a : world.assets) if (a.asset().kind() == org.truce.ground.AssetKind.STAFF_BEACON) a.advance(t0, dt);
        nowS = t1;
        steps++;
        monitor.evaluate(t1, world.units, world.assets);
        sense(t0, t1);
        closeBursts(t1);
        if (t1 >= nextSampleS) {
            sampleTruth(t1);
            nextSampleS += setup.truthSampleSeconds();
        }
    }

    private void roam(World.Roamer r, double t) {
        Mover m = r.mover();
        for (int i = 0; i < 10; i++) {
            double a = moveRnd.nextDouble() * 2 * Math.PI, d = r.hopM() * (0.2 + 0.8 * moveRnd.nextDouble());
            double x = m.x() + d * Math.sin(a), y = m.y() + d * Math.cos(a);
            var line = world.map.factory().createLineString(new Coordinate[]{new Coordinate(m.x(), m.y()), new Coordinate(x, y)});
            if (r.area().covers(line)) {
                double wait = r.waitMinS() * (1 + 2 * moveRnd.nextDouble());
                m.plan(new Leg(x, y, r.speedMps(), t + wait));
                return;
            }
        }
        m.plan(new Leg(m.x(), m.y(), r.speedMps(), t + r.waitMinS()));
    }

    private void patrol(World.Patrol p, double t) {
        List<Coordinate> route = new ArrayList<>(p.route());
        Coordinate first = route.getFirst();
        // From the first vertex drive the route forwards; from the last, backwards.
        if (Math.hypot(p.unit().x() - first.x, p.unit().y() - first.y) >= 1) route = route.reversed();
        double wait = 1200 + moveRnd.nextDouble() * 2400;
        boolean firstLeg = true;
        for (Coordinate c : route) {
            p.unit().plan(new Leg(c.x, c.y, p.speedMps(), firstLeg ? t + wait : t));
            firstLeg = false;
        }
    }

    private void sense(double t0, double t1) {
        var sm = setup.sensors();
        for (DroneFlight f : world.flights) {
            SimAsset a = f.drone();
            if (a.silent(t1)) continue;
            if (t1 >= a.nextFixS) {
                sensors.fix(a, t1);
                a.nextFixS = t1 + sm.fixSeconds() - 1e-6;
            }
            if (f.phase() == DroneFlight.Phase.GROUND) continue;
            if (t1 >= a.nextDetectionS) {
                // The camera scans: each detection cycle looks at the next offset and reports that view as its footprint.
                View.Rectangle v = droneView(f, f.nextLookOffset());
                sensors.footprint(a, t1, v.ring(), sensors.detectionProbability(
                        Math.hypot(a.altitudeM(), Math.hypot(v.cx() - a.x(), v.cy() - a.y())), f.spec().rangeM()));
                sensors.detect(a, t1, world.units, v, a.altitudeM(), f.spec().rangeM(), sm.droneDetectionSeconds(), true);
                a.nextDetectionS = t1 + sm.droneDetectionSeconds() - 1e-6;
            }
            View.Rectangle v = droneView(f, f.currentLookOffset());
            fire(t0, t1, s -> sensors.see(a, v, a.altitudeM(), f.spec().rangeM(), FireKind.LAUNCH, s.launchS(), s.lx(),
                    s.ly(), s.burst()), s -> sensors.see(a, v, a.altitudeM(), f.spec().rangeM(), FireKind.IMPACT,
                    s.impactS(), s.ix(), s.iy(), s.burst()));
        }
        for (World.FixedCamera c : world.cameras) {
            SimAsset a = c.asset();
            if (a.silent(t1)) continue;
            heartbeat(a, t1);
            if (t1 >= a.nextFootprintS) {
                sensors.footprint(a, t1, c.view().ring(), sensors.detectionProbability(c.rangeM() / 2, c.rangeM()));
                a.nextFootprintS = t1 + sm.footprintSeconds() - 1e-6;
            }
            if (t1 >= a.nextDetectionS) {
                sensors.detect(a, t1, world.units, c.view(), 0, c.rangeM(), sm.cameraDetectionSeconds(), false);
                a.nextDetectionS = t1 + sm.cameraDetectionSeconds() - 1e-6;
            }
            fire(t0, t1, s -> sensors.see(a, c.view(), 0, c.rangeM(), FireKind.LAUNCH, s.launchS(), s.lx(), s.ly(),
                    s.burst()), s -> sensors.see(a, c.view(), 0, c.rangeM(), FireKind.IMPACT, s.impactS(), s.ix(), s.iy(),
                    s.burst()));
        }
        for (World.Array r : world.arrays) {
            SimAsset a = r.asset();
            if (a.silent(t1)) continue;
            boolean beat = t1 >= a.nextFixS;
            heartbeat(a, t1);
            if (beat) sensors.falseCue(a, t1, r.rangeM(), sm.heartbeatSeconds());
            fire(t0, t1, s -> sensors.hear(a, r.rangeM(), r.locates(), FireKind.LAUNCH, s.launchS(), s.lx(), s.ly(),
                    s.burst()), s -> sensors.hear(a, r.rangeM(), r.locates(), FireKind.IMPACT, s.impactS(), s.ix(), s.iy(),
                    s.burst()));
        }
        for (SimAsset a : world.assets) {
            if (a.asset().kind() != org.truce.ground.AssetKind.STAFF_BEACON || a.silent(t1)) continue;
            if (t1 >= a.nextFixS) {
                sensors.fix(a, t1);
                a.nextFixS = t1 + sm.beaconFixSeconds() - 1e-6;
            }
        }
        while (nextLaunch < launches.size() && launches.get(nextLaunch).launchS() <= t1) {
            Shot s = launches.get(nextLaunch++);
            fires.add(new FireEvent(at(s.launchS()), FireKind.LAUNCH, world.map.projector().toGeo(s.lx(), s.ly()),
                    s.party(), "FIRE-" + (s.burst() + 1)));
        }
        while (nextImpact < impacts.size() && impacts.get(nextImpact).impactS() <= t1) {
            Shot s = impacts.get(nextImpact++);
            fires.add(new FireEvent(at(s.impactS()), FireKind.IMPACT, world.map.projector().toGeo(s.ix(), s.iy()),
                    s.party(), "FIRE-" + (s.burst() + 1)));
        }
    }

    private void heartbeat(SimAsset a, double t1) {
        if (t1 >= a.nextFixS) {
            sensors.fix(a, t1);
            a.nextFixS = t1 + setup.sensors().heartbeatSeconds() - 1e-6;
        }
    }

    /** Offers the shots launched and landed during (t0, t1] to a sensor. */
    private void fire(double t0, double t1, java.util.function.Consumer<Shot> launch, java.util.function.Consumer<Shot> impact) {
        for (int i = nextLaunch; i < launches.size() && launches.get(i).launchS() <= t1; i++) {
            if (launches.get(i).launchS() > t0) launch.accept(launches.get(i));
        }
        for (int i = nextImpact; i < impacts.size() && impacts.get(i).impactS() <= t1; i++) {
            if (impacts.get(i).impactS() > t0) impact.accept(impacts.get(i));
        }
    }

    private View.Rectangle droneView(DroneFlight f, double offsetM) {
        SimAsset a = f.drone();
        var spec = f.spec();
        ZoneId held = world.map.heldArea().orElseThrow();
        Coordinate n = world.map.nearestOnBoundary(held, a.x(), a.y());
        double dx = n.x - a.x(), dy = n.y - a.y(), d = Math.hypot(dx, dy);
        double ux = d > 1 ? dx / d : 0, uy = d > 1 ? dy / d : 1;
        double look = Math.min(offsetM, d);
        double alt = Math.max(1, a.altitudeM());
        double slant = Math.hypot(alt, look);
        double halfWidth = slant * Math.tan(Math.toRadians(spec.hfovDeg() / 2));
        double halfDepth = Math.min(slant * Math.tan(Math.toRadians(spec.vfovDeg() / 2)) * slant / alt, spec.rangeM() / 2);
        return new View.Rectangle(a.x() + ux * look, a.y() + uy * look, ux, uy, halfDepth, halfWidth);
    }

    private void closeBursts(double t1) {
        for (World.Burst b : world.bursts) {
            if (!burstDone[b.index()] && b.toS() + dt <= t1) {
                burstDone[b.index()] = true;
                recordBurst(b, monitor);
            }
        }
    }

    private void recordBurst(World.Burst b, ViolationMonitor m) {
        var proj = world.map.projector();
        int min = setup.violations().observableMinReports();
        m.fire(b.rule(), "FIRE-" + (b.index() + 1), b.party(), b.fromS(), b.toS(), proj.toGeo(b.launch()),
                List.of(proj.toGeo(b.impact())), sensors.tally().cues(b.index()), sensors.tally().observable(b.index(), min));
    }

    private void sampleTruth(double t) {
        Instant i = at(t);
        var proj = world.map.projector();
        for (Unit u : world.units) samples.get(u.id()).add(new PositionSample(i, proj.toGeo(u.x(), u.y())));
        for (SimAsset a : world.assets) samples.get(a.id()).add(new PositionSample(i, proj.toGeo(a.x(), a.y())));
    }

    /**
     * The ground truth up to now: violations still going on are reported as ending now; fire violations are
     * included once their last shot has landed.
     */
    public GroundTruth groundTruth() {
        List<EntityTruth> entities = new ArrayList<>();
        for (Unit u : world.units) {
            entities.add(new EntityTruth(u.id(), u.party().value(), u.objectClass().name(), u.role().name(),
                    samples.get(u.id())));
        }
        for (SimAsset a : world.assets) {
            entities.add(new EntityTruth(a.id(), a.owner().value(), a.asset().kind().name(), "ASSET", samples.get(a.id())));
        }
        List<AssetOutage> outages = new ArrayList<>();
        for (SimAsset a : world.assets) {
            for (double[] o : a.outages()) {
                if (o[0] < nowS) outages.add(new AssetOutage(a.asset().id(), at(o[0]), at(Math.min(o[1], nowS))));
            }
        }
        return new GroundTruth(seed, start, Math.round(nowS), entities, fires, monitor.snapshot(nowS), outages);
    }

    private Instant at(double s) {
        return start.plusMillis(Math.round(s * 1000));
    }
}
