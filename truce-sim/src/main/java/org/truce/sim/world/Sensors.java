package org.truce.sim.world;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import org.truce.ground.PartyId;
import org.truce.geo.GeoPoint;
import org.truce.sensing.Appearance;
import org.truce.sensing.FireKind;
import org.truce.ground.ObjectClass;
import org.truce.sensing.Observation;
import org.truce.sim.setup.SimulationSetup;
import org.truce.sim.truth.ObservationOrigin;
import org.truce.sim.truth.ViolationMonitor;

/**
 * The sensor models: what each asset reports about the true world, and how it errs. Detection probability falls
 * quadratically from {@code detectionP0} at zero range to {@code detectionPAtRange} at the nominal range (0 beyond);
 * position errors are circular Gaussian with the stated CEP (sigma = CEP / 1.1774); class and side are sometimes
 * wrong; rare false alarms; assets fall silent during their outages. Every true report about a unit or asset is
 * told to the {@link ViolationMonitor}. Not thread-safe; all randomness from the given stream.
 */
public final class Sensors {
    private static final double CEP_TO_SIGMA = 1 / 1.1774;
    private static final ObjectClass[] ARMED = {ObjectClass.TANK, ObjectClass.APC, ObjectClass.ARTILLERY,
            ObjectClass.TRUCK, ObjectClass.INFANTRY};

    private final SimulationSetup.SensorModel m;
    private final SplittableRandom rnd;
    private final Projector proj;
    private final ViolationMonitor monitor;
    private final Instant start;
    private final List<PartyId> parties;
    private final List<TimedObservation> out = new ArrayList<>();
    private final FireTally tally;
    private final SplittableRandom lookRnd;
    private final long lookSeed;
    private final java.util.Map<Integer, double[]> looks = new java.util.HashMap<>();
    private long order;

    public Sensors(SimulationSetup.SensorModel m, SplittableRandom rnd, Projector proj, ViolationMonitor monitor,
                   Instant start, List<PartyId> parties, int bursts) {
        this(m, rnd, proj, monitor, start, parties, bursts, new SplittableRandom(0));
    }

    /**
     * @param lookRnd the stream for units' descriptors and their noise, apart from {@code rnd}: turning descriptors on
     *                or off leaves every other report of a seed as it was
     */
    public Sensors(SimulationSetup.SensorModel m, SplittableRandom rnd, Projector proj, ViolationMonitor monitor,
                   Instant start, List<PartyId> parties, int bursts, SplittableRandom lookRnd) {
        this.m = m;
        this.rnd = rnd;
        this.lookRnd = lookRnd;
        this.lookSeed = lookRnd.nextLong();
        this.proj = proj;
        this.monitor = monitor;
        this.start = start;
        this.parties = List.copyOf(parties);
        this.tally = new FireTally(bursts);
    }

    /** Reports emitted since the last call, in emission order; clears the buffer. */
    public List<TimedObservation> drain() {
        List<TimedObservation> l = List.copyOf(out);
        out.clear();
        return l;
    }

    public FireTally tally() { return tally; }

    /** Probability of detecting an object at {@code rangeM} with a sensor of nominal range {@code nominalM}. */
    public double detectionProbability(double rangeM, double nominalM) {
        if (rangeM > nominalM) return 0;
        double f = rangeM / nominalM;
        return m.detectionP0() - (m.detectionP0() - m.detectionPAtRange()) * f * f;
    }

    public double cepAt(double rangeM) {
        return m.cepBaseM() + m.cepPerKmM() * rangeM / 1000;
    }

    /** A platform fix with the platform's own small position error. */
    public void fix(SimAsset a, double tS) {
        double s = m.fixCepM() * CEP_TO_SIGMA;
        GeoPoint p = proj.toGeo(a.x() + rnd.nextGaussian() * s, a.y() + rnd.nextGaussian() * s);
        emit(new Observation.PlatformFix(a.asset().id(), at(tS), p, a.altitudeM(), m.fixCepM(), a.headingDeg(),
                a.speedMps()));
        monitor.reported(a.id(), tS);
    }

    public void footprint(SimAsset a, double tS, List<double[]> ringLocal, double pd) {
        List<GeoPoint> ring = new ArrayList<>();
        for (double[] c : ringLocal) ring.add(proj.toGeo(c[0], c[1]));
        ring.add(ring.getFirst());
        emit(new Observation.Footprint(a.asset().id(), at(tS), ring, Math.max(0, Math.min(1, pd))));
    }

    /**
     * Detections of the units inside a view, and a false alarm now and then.
     *
     * @param view      which units the sensor can see now
     * @param eyeZ      sensor height above the ground (0 for fixed cameras), for the slant range
     * @param nominalM  nominal range of the sensor
     * @param interval  seconds between detection cycles (scales the false-alarm rate)
     * @param keepsIds  whether the sensor labels its targets (VMTI)
     */
    public void detect(SimAsset a, double tS, List<Unit> units, View view, double eyeZ, double nominalM,
                       double interval, boolean keepsIds) {
        for (Unit u : units) {
            if (!view.contains(u.x(), u.y())) continue;
            double r = Math.sqrt(sq(u.x() - a.x()) + sq(u.y() - a.y()) + eyeZ * eyeZ);
            if (rnd.nextDouble() >= detectionProbability(r, nominalM)) continue;
            double cep = cepAt(r);
            double s = cep * CEP_TO_SIGMA;
            GeoPoint p = proj.toGeo(u.x() + rnd.nextGaussian() * s, u.y() + rnd.nextGaussian() * s);
            ObjectClass c = u.objectClass();
            double cc;
            if (rnd.nextDouble() < m.classAccuracy()) {
                cc = 0.7 + 0.25 * rnd.nextDouble();
            } else {
                c = confuse(c);
                cc = 0.4 + 0.3 * rnd.nextDouble();
            }
            Optional<PartyId> side;
            double sc;
            double v = rnd.nextDouble();
            if (v < m.sideAccuracy()) {
                side = Optional.of(u.party());
                sc = 0.75 + 0.2 * rnd.nextDouble();
            } else if (v < m.sideAccuracy() + m.sideUnknownShare() || parties.size() < 2) {
                side = Optional.empty();
                sc = 0;
            } else {
                side = Optional.of(otherParty(u.party()));
                sc = 0.5 + 0.2 * rnd.nextDouble();
            }
            Optional<String> label = keepsIds ? Optional.of(a.id() + "-T" + u.index()) : Optional.empty();
            emit(new Observation.Detection(a.asset().id(), at(tS), p, cep, c, cc, side, sc, u.count(), label,
                            appearance(u, r)),
                    new ObservationOrigin.OfUnit(u.id()));
            monitor.reported(u.id(), tS);
        }
        if (rnd.nextDouble() < m.falseDetectionsPerHour() * interval / 3600) {
            double[] q = view.randomPoint(rnd);
            double r = Math.sqrt(sq(q[0] - a.x()) + sq(q[1] - a.y()) + eyeZ * eyeZ);
            emit(new Observation.Detection(a.asset().id(), at(tS), proj.toGeo(q[0], q[1]), cepAt(r),
                    ARMED[rnd.nextInt(ARMED.length)], 0.3 + 0.3 * rnd.nextDouble(), Optional.empty(), 0, 1,
                    Optional.empty()), new ObservationOrigin.FalseAlarm());
        }
    }

    /**
     * The unit's descriptor as this look reports it, if the model has descriptors and this picture yields one. A unit's
     * own descriptor is drawn from its index alone, so it is the same in every look and every run of the seed.
     */
    private Optional<Appearance> appearance(Unit u, double rangeM) {
        if (m.reidentification().isEmpty()) return Optional.empty();
        var re = m.reidentification().get();
        if (lookRnd.nextDouble() >= re.share()) return Optional.empty();
        double[] own = looks.computeIfAbsent(u.index(), i -> {
            SplittableRandom r = new SplittableRandom(lookSeed ^ (0x9E3779B97F4A7C15L * (i + 1)));
            double[] v = new double[re.dimensions()];
            for (int k = 0; k < v.length; k++) v[k] = r.nextGaussian();
            return v;
        });
        double sigma = re.sigmaBase() + re.sigmaPerKm() * rangeM / 1000;
        List<Double> seen = new ArrayList<>(own.length);
        for (double v : own) seen.add(v + lookRnd.nextGaussian() * sigma);
        return Optional.of(new Appearance(seen, sigma));
    }

    /** An acoustic array hearing a launch or an impact at (x, y), {@code eventS} seconds after the start. */
    public void hear(SimAsset a, double rangeM, boolean locates, FireKind kind, double eventS, double x, double y,
                     int burst) {
        double r = Math.hypot(x - a.x(), y - a.y());
        if (r > rangeM) return;
        double f = r / rangeM;
        if (rnd.nextDouble() >= m.fireDetectionP() * (1 - 0.5 * f * f)) return;
        if (locates) {
            double cep = m.acousticCepM() + m.cepPerKmM() * r / 1000;
            double s = cep * CEP_TO_SIGMA;
            emit(new Observation.FireCue(a.asset().id(), at(eventS), kind,
                    Optional.of(proj.toGeo(x + rnd.nextGaussian() * s, y + rnd.nextGaussian() * s)), cep,
                    Optional.empty(), 0, 0, 0, Optional.of(proj.toGeo(a.x(), a.y()))), fireOrigin(burst, kind, eventS));
            tally.located(burst);
        } else {
            // Observers report true bearings: the grid bearing less the grid convergence at the array.
            double bearing = Math.toDegrees(Math.atan2(x - a.x(), y - a.y())) - proj.convergenceDeg(a.x(), a.y())
                    + rnd.nextGaussian() * m.bearingSigmaDeg();
            bearing = ((bearing % 360) + 360) % 360;
            double band = m.rangeBandFraction();
            // The center reads a band as uniform over its width (sigma = width / sqrt(12), see BearingBand); the
            // estimate errs by that much, so the reports mean what the center takes them to mean.
            double est = Math.max(0, r * (1 + rnd.nextGaussian() * band / Math.sqrt(3)));
            emit(new Observation.FireCue(a.asset().id(), at(eventS), kind, Optional.empty(), 0, Optional.of(bearing),
                    m.bearingSigmaDeg(), Math.floor(est * (1 - band)), Math.ceil(est * (1 + band)),
                    Optional.of(proj.toGeo(a.x(), a.y()))), fireOrigin(burst, kind, eventS));
            tally.bearing(burst, a.id());
        }
    }

    /** A camera (fixed or on a drone) seeing a flash at (x, y) inside its view: a located cue. */
    public void see(SimAsset a, View view, double eyeZ, double nominalM, FireKind kind, double eventS, double x,
                    double y, int burst) {
        if (!view.contains(x, y)) return;
        double r = Math.sqrt(sq(x - a.x()) + sq(y - a.y()) + eyeZ * eyeZ);
        if (rnd.nextDouble() >= detectionProbability(r, nominalM)) return;
        double cep = cepAt(r);
        double s = cep * CEP_TO_SIGMA;
        emit(new Observation.FireCue(a.asset().id(), at(eventS), kind,
                Optional.of(proj.toGeo(x + rnd.nextGaussian() * s, y + rnd.nextGaussian() * s)), cep,
                Optional.empty(), 0, 0, 0, Optional.of(proj.toGeo(a.x(), a.y()))), fireOrigin(burst, kind, eventS));
        tally.located(burst);
    }

    /** A rare false fire cue of an array: a bearing with no event behind it. */
    public void falseCue(SimAsset a, double tS, double rangeM, double intervalS) {
        if (rnd.nextDouble() >= m.falseFireCuesPerHour() * intervalS / 3600) return;
        double r = rangeM * (0.2 + 0.8 * rnd.nextDouble());
        double band = m.rangeBandFraction();
        emit(new Observation.FireCue(a.asset().id(), at(tS), FireKind.UNDETERMINED, Optional.empty(), 0,
                Optional.of(360 * rnd.nextDouble()), m.bearingSigmaDeg(), Math.floor(r * (1 - band)),
                Math.ceil(r * (1 + band)), Optional.of(proj.toGeo(a.x(), a.y()))), new ObservationOrigin.FalseAlarm());
    }

    private ObjectClass confuse(ObjectClass c) {
        return switch (c) {
            case TANK -> ObjectClass.APC;
            case APC -> rnd.nextBoolean() ? ObjectClass.TANK : ObjectClass.TRUCK;
            case ARTILLERY -> rnd.nextBoolean() ? ObjectClass.TRUCK : ObjectClass.TANK;
            case TRUCK -> ObjectClass.APC;
            case INFANTRY -> ObjectClass.PERSONNEL;
            default -> ObjectClass.UNKNOWN;
        };
    }

    private PartyId otherParty(PartyId p) {
        PartyId q;
        do {
            q = parties.get(rnd.nextInt(parties.size()));
        } while (q.equals(p));
        return q;
    }

    private void emit(Observation o) {
        out.add(new TimedObservation(order++, o));
    }

    private void emit(Observation o, ObservationOrigin origin) {
        out.add(new TimedObservation(order++, o, origin));
    }

    /** The fire violation's subject is numbered from 1, as the simulation names it in the ground truth. */
    private ObservationOrigin fireOrigin(int burst, FireKind kind, double eventS) {
        return new ObservationOrigin.OfFire("FIRE-" + (burst + 1), kind, at(eventS));
    }

    private Instant at(double tS) {
        return start.plusMillis(Math.round(tS * 1000));
    }

    private static double sq(double v) {
        return v * v;
    }

    /** Per burst: cues emitted, located cues, and the assets that gave bearings. */
    public static final class FireTally {
        private final int[] cues;
        private final int[] located;
        private final List<Set<String>> bearers = new ArrayList<>();

        FireTally(int bursts) {
            cues = new int[bursts];
            located = new int[bursts];
            for (int i = 0; i < bursts; i++) bearers.add(new HashSet<>());
        }

        void located(int burst) {
            cues[burst]++;
            located[burst]++;
        }

        void bearing(int burst, String asset) {
            cues[burst]++;
            bearers.get(burst).add(asset);
        }

        public int cues(int burst) { return cues[burst]; }

        /**
         * Enough to locate the fire: at least {@code min} cues, and a located cue or bearings from two assets.
         */
        public boolean observable(int burst, int min) {
            return cues[burst] >= min && (located[burst] > 0 || bearers.get(burst).size() >= 2);
        }
    }
}
