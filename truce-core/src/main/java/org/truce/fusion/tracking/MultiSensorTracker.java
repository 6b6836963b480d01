package org.truce.fusion.tracking;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.truce.ground.PartyId;
import org.truce.fusion.Track;
import org.truce.fusion.TrackStatus;
import org.truce.fusion.Tracker;
import org.truce.fusion.TrackerConfig;
import org.truce.ground.uncertainty.Covariance2;
import org.truce.geo.LocalProjection;
import org.truce.ground.ObjectClass;
import org.truce.sensing.Observation;

/**
 * The center's tracker: every asset's detections, one at a time, fused into tracks with constant-velocity Kalman
 * filters in the agreement's local metric projection, and tracks kept across coverage gaps.
 *
 * <p><b>Association.</b> A detection may update a live track when its innovation lies inside the chi-square gate
 * ({@link TrackerConfig#gate()}), its innovation's likelihood is at least the density of new objects
 * ({@link TrackerConfig#maxAssociationCost()}) and nothing forbids the pair: classes must be compatible (vehicles with
 * vehicles, people with people, unless either is unknown or below 0.5) and sides must not conflict (both naming
 * different parties with at least {@link TrackerConfig#sideConflict()}: a column does not change army). Among those
 * tracks the detection goes to the one of least {@code d^2 + ln det S} (the negative log-likelihood of the innovation)
 * plus {@code -2 ln} of how much likelier its class and side reports are from that track's object than from a new
 * one: next to a confident APC track and a confident infantry track at one post, a report "personnel" goes to the
 * infantry. Ties go to the older track.
 *
 * <p><b>One scan.</b> One sensor seeing two objects at once means two objects, so a track takes one detection per
 * asset and instant. Detections arrive one by one, and the first of a scan would otherwise keep the track it fits
 * even when a later one of the same scan fits it better (a patrol passing a post: the order of the report decides
 * which of the two keeps the post's track). A later detection that fits better displaces the earlier one: the track
 * is restored to its state before it, takes the later detection, and the displaced detection is associated anew
 * among the other tracks (once: it displaces nothing). The displaced detection's track is published with its next
 * update. Detections arriving one by one make this a sequential approximation of global-nearest-neighbour
 * assignment over a scan.
 *
 * <p><b>Coasting.</b> A track's predicted position covariance grows with the filter's process noise but never beyond
 * what {@link TrackerConfig#maxSpeedMps()} allows since its last detection, so a gate stays within physical reach.
 *
 * <p><b>Lifecycle.</b> A new track is tentative; it confirms with {@link TrackerConfig#confirmHits()} detections and a
 * track score (Blackman's log-likelihood ratio against false alarms) of at least ln 1000; it is dropped after
 * {@link TrackerConfig#tentativeTimeout()} without a detection. A confirmed track without a detection for
 * {@link TrackerConfig#maxCoast()} leaves the live picture ({@link #advanceTo} reports it DELETED once) and goes
 * <em>dormant</em>.
 *
 * <p><b>Re-acquisition.</b> A monitored unit is mostly stationary and revisited by drone passes hours apart. A
 * detection that fits no live track is offered to the dormant tracks before it starts a new one: it may re-acquire a
 * dormant track that is at most {@link TrackerConfig#dormantHorizon()} old, of a compatible class (and not a
 * confidently different one, {@link TrackerConfig#classConflict()}), of a side not conflicting, and within a
 * Mahalanobis gate around its last position whose covariance grew by a wander of
 * {@link TrackerConfig#reacquireSpeedMps()} times the gap, capped at {@link TrackerConfig#reacquireMaxGateM()}. The
 * track then continues under its old id but is tentative again and must re-confirm like a new track; if it does not,
 * the detections it took are dropped with it and the dormant track is restored as it was.
 *
 * <p><b>Stationary objects.</b> A track whose recent detections stayed within {@link #STATIONARY_RADIUS_M} (plus three
 * detection sigmas) of their mean for a while is stationary. When dormant, it competes for every detection beside the
 * live tracks, with a prior at that mean and a gate of that radius however long the gap, and it is remembered twice
 * the dormant horizon: a post seen again hours later takes back its own track rather than a recently lost patrol of
 * the same kind nearby (whose wander gate is tighter) or a patrol driving past.
 *
 * <p>Deterministic: no clock, no randomness, ids {@code TRK-<n>} in creation order, ties broken by id. Not
 * thread-safe: the pipeline calls it from one thread.
 */
public final class MultiSensorTracker implements Tracker {
    /** Track score needed to (re)confirm: ln 1000, a false-confirmation risk near 1e-3 per track. */
    private static final double CONFIRM_SCORE = Math.log(1000);
    /** Floor of a detection's 1-sigma, m: a stated CEP of 0 would make the filter singular. */
    private static final double MIN_SIGMA_M = 1.0;
    /** Classes a detection can name (all but UNKNOWN), the hypotheses of a class report. */
    private static final ObjectClass[] KNOWN_CLASSES = java.util.Arrays.stream(ObjectClass.values())
            .filter(c -> c != ObjectClass.UNKNOWN).toArray(ObjectClass[]::new);
    private static final int CLASSES = KNOWN_CLASSES.length;
    /** Share of a wrong class report that names the other family (a vehicle for people or the reverse). */
    private static final double CROSS_FAMILY = 0.1;
    /**
     * Radius, m, within which an object's detections count as one stationary stretch: a few detection sigmas, far
     * below what a unit driving at walking pace covers between two looks of a pass.
     */
    static final double STATIONARY_RADIUS_M = 100;
    /** Detections a stationary stretch needs before the track counts as stationary. */
    private static final int STATIONARY_HITS = 3;
    /** How long, s, a stretch must last before the track counts as stationary (a patrol driving by does not). */
    private static final double STATIONARY_SECONDS = 30;
    /** Odds a descriptor must give a dormant object over a new one to re-identify it beyond the wander gate. */
    static final double REIDENTIFICATION_ODDS = 1000;
    /**
     * Radius, m, beyond which a dormant object's place no longer narrows where it is: the ground a unit keeps to
     * (its sector or district), so the place's odds never fall below those of a disc this wide.
     */
    static final double REIDENTIFICATION_SPREAD_M = 30_000;
    /** How long, s, a young track is compared with dormant ones: a look gathered over a pass or two. */
    static final double STITCH_WINDOW_SECONDS = 1800;

    private final LocalProjection projection;
    private final TrackerConfig config;
    private final ConstantVelocityFilter filter;
    private final double gate;
    private final double maxCost;
    private final TreeMap<Long, TrackState> live = new TreeMap<>();
    private final TreeMap<Long, TrackState> dormant = new TreeMap<>();
    /** The dormant state of each re-acquiring track, restored if it fails to confirm again. */
    private final TreeMap<Long, TrackState> beforeReacquisition = new TreeMap<>();
    /** Every party a detection has named so far: the hypotheses of a side report (parties are data). */
    private final java.util.TreeSet<PartyId> sides = new java.util.TreeSet<>();
    /** Published tracks merged into a re-identified one, to report DELETED with the next {@link #advanceTo}. */
    private final List<Track> merged = new ArrayList<>();
    private long nextNumber = 1;

    public MultiSensorTracker(LocalProjection projection, TrackerConfig config) {
        this.projection = Objects.requireNonNull(projection, "projection");
        this.config = Objects.requireNonNull(config, "config");
        this.filter = new ConstantVelocityFilter(config.accelerationPsd());
        this.gate = config.gate();
        this.maxCost = config.maxAssociationCost();
    }

    /**
     * A tracker's whole state at one moment: live, dormant and re-acquiring tracks (each with its scan undo state), the
     * parties named so far, merged tracks not yet reported and the next track number. Immutable: it holds private deep
     * copies that nothing mutates, and {@link #restore} copies them again, so a snapshot can be restored any number
     * of times. Keyed by track number.
     */
    public static final class Snapshot {
        private final TreeMap<Long, TrackState> live;
        private final TreeMap<Long, TrackState> dormant;
        private final TreeMap<Long, TrackState> beforeReacquisition;
        private final java.util.TreeSet<PartyId> sides;
        private final List<Track> merged;
        private final long nextNumber;

        private Snapshot(MultiSensorTracker t) {
            this.live = deepCopy(t.live);
            this.dormant = deepCopy(t.dormant);
            this.beforeReacquisition = deepCopy(t.beforeReacquisition);
            this.sides = new java.util.TreeSet<>(t.sides);
            this.merged = List.copyOf(t.merged);
            this.nextNumber = t.nextNumber;
        }

        /** How many tracks are live (tentative or confirmed). */
        public int liveCount() {
            return live.size();
        }

        /** How many tracks are dormant. */
        public int dormantCount() {
            return dormant.size();
        }

        private static TreeMap<Long, TrackState> deepCopy(TreeMap<Long, TrackState> from) {
            TreeMap<Long, TrackState> to = new TreeMap<>();
            from.forEach((k, v) -> to.put(k, v.deepCopy()));
            return to;
        }
    }

    /** This tracker's whole state, as an immutable value. */
    public Snapshot snapshot() {
        return new Snapshot(this);
    }

    /** Puts this tracker (built with the same projection and config) into the state of {@code s}. */
    public void restore(Snapshot s) {
        Objects.requireNonNull(s, "snapshot");
        replace(live, s.live);
        replace(dormant, s.dormant);
        replace(beforeReacquisition, s.beforeReacquisition);
        sides.clear();
        sides.addAll(s.sides);
        merged.clear();
        merged.addAll(s.merged);
        nextNumber = s.nextNumber;
    }

    private static void replace(TreeMap<Long, TrackState> to, TreeMap<Long, TrackState> from) {
        to.clear();
        from.forEach((k, v) -> to.put(k, v.deepCopy()));
    }

    @Override
    public Track update(String observationId, Observation.Detection detection) {
        LocalDetection d = local(observationId, detection);
        d.side().ifPresent(sides::add);
        TrackState track = associate(d, -1, true);
        return track.toTrack(projection, status(track));
    }

    /**
     * Puts the detection into the best live track, else a dormant one it re-acquires, else a new track, and returns
     * that track. With {@code mayDisplace}, a track that already took a detection of the same asset at the same
     * instant is a candidate too when this detection fits it better: that detection is taken out again and
     * associated anew (excluding the track), so the order in which one scan's detections arrive does not decide which
     * of two crossing or co-located objects keeps the track.
     */
    private TrackState associate(LocalDetection d, long excluded, boolean mayDisplace) {
        TrackState best = null;
        ConstantVelocityFilter.State bestPredicted = null;
        double bestCost = Double.POSITIVE_INFINITY;
        boolean displacing = false;
        for (TrackState live1 : live.values()) {
            if (live1.number == excluded) continue;
            TrackState t = live1;
            boolean displace = false;
            if (t.time.equals(d.time()) && t.assetsAtTime.contains(d.asset())) {
                if (!mayDisplace || !t.displaceableBy(d)) continue;
                t = t.beforeLast;
                displace = true;
            }
            if (!withinReach(t, d) || !compatible(t, d)) continue;
            ConstantVelocityFilter.State predicted = predict(t, d.time());
            double cost = cost(t, predicted, d);
            if (cost == Double.POSITIVE_INFINITY) continue;
            if (displace && cost >= live1.lastCost) continue;
            if (cost < bestCost) {
                best = t;
                bestPredicted = predicted;
                bestCost = cost;
                displacing = displace;
            }
        }
        // A detection at the place where a stationary object stood when last seen is most likely that object again,
        // even when a moving track (a patrol driving past a post) also gates it or no live track does.
        TrackState still = null;
        ConstantVelocityFilter.State stillPrior = null;
        {
            for (TrackState t : dormant.values()) {
                if (!t.stationary(STATIONARY_HITS, STATIONARY_SECONDS)) continue;
                double dx = d.x() - t.stillX;
                double dy = d.y() - t.stillY;
                double near = 3 * STATIONARY_RADIUS_M + 3 * Math.sqrt(d.covariance().trace());
                if (dx * dx + dy * dy > near * near || !compatible(t, d) || !sameKind(t, d)) continue;
                ConstantVelocityFilter.State prior = stationaryPrior(t);
                double cost = cost(t, prior, d);
                if (cost == Double.POSITIVE_INFINITY) continue;
                if (cost < bestCost) {
                    still = t;
                    stillPrior = prior;
                    bestCost = cost;
                }
            }
        }
        TrackState track;
        LocalDetection displaced = null;
        if (still != null) {
            track = takeBack(still, stillPrior, d);
            track.beforeLast = null;
            track.lastDetection = null;
        } else if (best != null) {
            track = best;
            if (displacing) {
                displaced = live.get(track.number).lastDetection;
                live.put(track.number, track);
            }
            track.beforeLast = track.copy();
            track.lastDetection = d;
            track.lastCost = bestCost;
            double dt = Math.max(1, seconds(track.time, d.time()));
            // bestCost is -2 ln of the innovation's likelihood (and of the reports' likelihood ratio) less ln (2 pi)^2,
            // so the log-likelihood ratio against a false alarm gains -bestCost / 2 - ln(2 pi) - ln(density dt).
            track.score += -0.5 * bestCost - Math.log(2 * Math.PI) - Math.log(config.falseAlarmDensity() * dt);
            track.state = filter.update(bestPredicted, d.x(), d.y(), d.covariance());
        } else {
            track = reacquire(d).orElseGet(() -> start(d));
            track.beforeLast = null;
            track.lastDetection = null;
        }
        track.note(d, config.evidenceLimit(), STATIONARY_RADIUS_M);
        if (!track.confirmed || track.reacquiring) {
            if (track.recentHits >= config.confirmHits() && track.score >= CONFIRM_SCORE) {
                track.confirmed = true;
                track.reacquiring = false;
                beforeReacquisition.remove(track.number);
            }
        }
        if (displaced != null) associate(displaced, track.number, false);
        if (d.appearance().isPresent()) track = stitch(track);
        return track;
    }

    @Override
    public List<Track> advanceTo(Instant now) {
        Objects.requireNonNull(now, "now");
        List<Track> gone = new ArrayList<>(merged);
        merged.clear();
        Iterator<TrackState> it = live.values().iterator();
        while (it.hasNext()) {
            TrackState t = it.next();
            boolean settled = t.confirmed && !t.reacquiring;
            Duration limit = settled ? config.maxCoast() : config.tentativeTimeout();
            if (Duration.between(t.time, now).compareTo(limit) <= 0) continue;
            gone.add(t.toTrack(projection, TrackStatus.DELETED));
            it.remove();
            if (settled) {
                dormant.put(t.number, t);
            } else if (t.reacquiring) {
                dormant.put(t.number, beforeReacquisition.remove(t.number));
            }
        }
        // A stationary object is re-acquired with a tight gate at its place, so it may be remembered twice as long.
        // So is one whose look can recognise it wherever it turns up again.
        dormant.values().removeIf(t -> Duration.between(t.time, now).compareTo(
                t.stationary(STATIONARY_HITS, STATIONARY_SECONDS) || t.lookSum != null
                        ? config.dormantHorizon().multipliedBy(2) : config.dormantHorizon()) > 0);
        return gone;
    }

    @Override
    public List<Track> tracks() {
        return live.values().stream().map(t -> t.toTrack(projection, status(t))).toList();
    }

    /** How many tracks are dormant (left the live picture, may still be re-acquired). Diagnostic. */
    public int dormantCount() {
        return dormant.size();
    }

    private TrackState start(LocalDetection d) {
        TrackState t = new TrackState(nextNumber++, d.time(),
                filter.initial(d.x(), d.y(), d.covariance(), config.initialSpeedSigmaMps()));
        t.fresh = true;
        t.bornX = d.x();
        t.bornY = d.y();
        live.put(t.number, t);
        return t;
    }

    /**
     * The dormant track the detection fits best, taken back into the live set and updated, if any gates. Its position
     * uncertainty grows by the wander allowed over the gap; its velocity is unknown again (the unit may have stopped
     * or set off).
     */
    private Optional<TrackState> reacquire(LocalDetection d) {
        TrackState best = null;
        ConstantVelocityFilter.State bestPrior = null;
        double bestCost = Double.POSITIVE_INFINITY;
        for (TrackState t : dormant.values()) {
            if (!compatible(t, d) || !sameKind(t, d)) continue;
            double gap = Math.max(0, seconds(t.time, d.time()));
            double[] m = t.state.mean();
            double[][] p = t.state.covariance();
            double reach = Math.min(config.reacquireSpeedMps() * gap, config.reacquireMaxGateM());
            double wander = reach * reach / gate;
            ConstantVelocityFilter.State prior = filter.initial(m[0], m[1],
                    new Covariance2(p[0][0] + wander, 0.5 * (p[0][1] + p[1][0]), p[1][1] + wander),
                    config.initialSpeedSigmaMps());
            double cost = cost(t, prior, d);
            if (cost == Double.POSITIVE_INFINITY) continue;
            if (cost < bestCost) {
                best = t;
                bestPrior = prior;
                bestCost = cost;
            }
        }
        if (best == null) return Optional.empty();
        return Optional.of(takeBack(best, bestPrior, d));
    }

    /**
     * The dormant track a young track's object was, by its look, or the young track itself. A unit seen again after
     * moving kilometres unseen starts a new track: beyond the wander gate only its look can tell it from other units
     * of its class, and one descriptor seldom can, so the young track gathers descriptors first and is compared, while
     * younger than {@link #STITCH_WINDOW_SECONDS}, with each dormant track that lost its object before the young one
     * began, of a compatible class and side, within the distance the object can have covered (at most
     * {@link TrackerConfig#maxSpeedMps()} times the gap). It is the dormant track's object when the odds of the looks
     * and of the place (uniform over the reachable disc, against the density of new objects) favour that over a new
     * object by at least {@link #REIDENTIFICATION_ODDS}; the best such track takes the young one's state, detections
     * and reports and lives on under its old id. The young track, if it was already published, is reported DELETED
     * with the next {@link #advanceTo}. Taken back this way the dormant track must (re)confirm with the young one's
     * hits; if it does not, it returns to dormancy as it was.
     */
    private TrackState stitch(TrackState young) {
        if (!young.fresh || young.lookSum == null || dormant.isEmpty()) return young;
        if (seconds(young.firstSeen, young.time) > STITCH_WINDOW_SECONDS) {
            young.fresh = false;
            return young;
        }
        double need = -2 * Math.log(REIDENTIFICATION_ODDS);
        TrackState best = null;
        double bestCost = Double.POSITIVE_INFINITY;
        for (TrackState old : dormant.values()) {
            if (old.lookSum == null || old.lookSum.length != young.lookSum.length
                    || !old.time.isBefore(young.firstSeen) || !tracksCompatible(old, young)) continue;
            double look = lookCost(old, young);
            if (look >= need) continue;
            double gap = seconds(old.time, young.firstSeen);
            double reach = config.maxSpeedMps() * gap + 3 * STATIONARY_RADIUS_M
                    + 3 * Math.sqrt(Math.max(old.state.covariance(0, 0), old.state.covariance(1, 1)));
            double dx = young.bornX - old.state.mean(0), dy = young.bornY - old.state.mean(1);
            if (dx * dx + dy * dy > reach * reach) continue;
            // Over hours the reachable disc outgrows the ground a unit keeps to; past that its place says nothing.
            double spread = Math.min(reach, REIDENTIFICATION_SPREAD_M);
            double cost = look + 2 * Math.log(Math.PI * spread * spread * config.newObjectsPerKm2() / 1e6);
            if (cost <= need && cost < bestCost) {
                best = old;
                bestCost = cost;
            }
        }
        if (best == null) return young;
        if (young.confirmed) merged.add(young.toTrack(projection, TrackStatus.DELETED));
        live.remove(young.number);
        dormant.remove(best.number);
        beforeReacquisition.put(best.number, best.copy());
        best.state = young.state;
        best.time = young.time;
        best.assetsAtTime.clear();
        best.assetsAtTime.addAll(young.assetsAtTime);
        best.absorbLook(young);
        best.absorbEvidence(young, config.evidenceLimit());
        best.beforeLast = null;
        best.lastDetection = null;
        best.stillX = young.stillX;
        best.stillY = young.stillY;
        best.stillCount = young.stillCount;
        best.stillSince = young.stillSince;
        best.recentHits = young.recentHits;
        best.score = young.score;
        best.reacquiring = !young.confirmed;
        if (young.confirmed) beforeReacquisition.remove(best.number);
        live.put(best.number, best);
        return best;
    }

    /** Two tracks may be one object: class families agree, classes do not confidently differ, sides do not conflict. */
    private boolean tracksCompatible(TrackState a, TrackState b) {
        return sameFamily(a.objectClass(), a.classConfidence(), b.objectClass(), b.classConfidence())
                && sameClass(a.objectClass(), a.classConfidence(), b.objectClass(), b.classConfidence())
                && !conflict(a.side(), a.sideConfidence(), b.side(), b.sideConfidence(), config.sideConflict());
    }

    /**
     * The association cost of the detection with track {@code t} from {@code prior}: the innovation's
     * {@code d^2 + ln det S}, the look's and the class and side reports' {@code -2 ln} likelihood ratios; infinite when
     * the innovation is outside the gate or the innovation and look together are less likely than a new object.
     */
    private double cost(TrackState t, ConstantVelocityFilter.State prior, LocalDetection d) {
        var in = filter.innovation(prior, d.x(), d.y(), d.covariance());
        if (in.mahalanobis2() > gate) return Double.POSITIVE_INFINITY;
        double kinematic = in.mahalanobis2() + Math.log(in.covariance().determinant());
        double look = appearanceCost(t, d);
        if (kinematic + look > maxCost) return Double.POSITIVE_INFINITY;
        return kinematic + look + featureCost(t, d);
    }

    /**
     * {@code -2 ln} of how much likelier the detection's descriptor is from this track's object than from a new one
     * ({@link org.truce.sensing.Appearance}): per component, normal about the track's look with the look's variance
     * plus the noise, against standard normal plus the noise. 0 when either has no descriptor or their lengths
     * differ.
     */
    static double appearanceCost(TrackState t, LocalDetection d) {
        if (d.appearance().isEmpty() || t.lookSum == null) return 0;
        var a = d.appearance().get();
        if (a.dimensions() != t.lookSum.length) return 0;
        double[] e = new double[a.dimensions()];
        for (int k = 0; k < e.length; k++) e[k] = a.descriptor().get(k);
        return lookCost(t.lookSum, t.lookPrecision, e, 1 / (a.sigma() * a.sigma()));
    }

    /** {@link #lookCost(double[], double, double[], double)} of two tracks' looks (both present, one length). */
    static double lookCost(TrackState a, TrackState b) {
        return lookCost(a.lookSum, a.lookPrecision, b.lookSum, b.lookPrecision);
    }

    /**
     * {@code -2 ln} of how much likelier two look measurements are of one object than of two. Each is given as
     * precision-weighted sums (measurement {@code z = sum / precision}, variance {@code s = 1 / precision}); looks of
     * objects are standard normal per component, so of one object the pair is jointly normal with covariance
     * {@code [[1 + s1, 1], [1, 1 + s2]]}, of two independent with variances {@code 1 + s1} and {@code 1 + s2}.
     */
    static double lookCost(double[] sum1, double precision1, double[] sum2, double precision2) {
        double s1 = 1 / precision1, s2 = 1 / precision2;
        double det = s1 + s2 + s1 * s2;
        double v1 = 1 + s1, v2 = 1 + s2;
        double cost = sum1.length * (Math.log(det) - Math.log(v1 * v2));
        for (int k = 0; k < sum1.length; k++) {
            double z1 = sum1[k] / precision1, z2 = sum2[k] / precision2;
            cost += (v2 * z1 * z1 - 2 * z1 * z2 + v1 * z2 * z2) / det - z1 * z1 / v1 - z2 * z2 / v2;
        }
        return cost;
    }

    /** Takes a dormant track back into the live set, tentative again, updated with the detection from its prior. */
    private TrackState takeBack(TrackState t, ConstantVelocityFilter.State prior, LocalDetection d) {
        dormant.remove(t.number);
        beforeReacquisition.put(t.number, t.copy());
        t.reacquiring = true;
        t.recentHits = 0;
        t.score = 0;
        t.assetsAtTime.clear();
        t.state = filter.update(prior, d.x(), d.y(), d.covariance());
        live.put(t.number, t);
        return t;
    }

    /**
     * A stationary dormant track's prior: at the mean of its stationary stretch, spread over the stationary radius
     * (the gate then spans that radius), however long the gap; its velocity is unknown again.
     */
    private ConstantVelocityFilter.State stationaryPrior(TrackState t) {
        double variance = STATIONARY_RADIUS_M * STATIONARY_RADIUS_M / gate;
        return filter.initial(t.stillX, t.stillY, Covariance2.circular(Math.sqrt(variance)),
                config.initialSpeedSigmaMps());
    }

    /**
     * The track's state predicted to {@code when} (a detection earlier than the track's time updates it at its own
     * time), its growth bounded by the maximum platform speed: no velocity sigma exceeds
     * {@link TrackerConfig#maxSpeedMps()}, and the process noise is scaled down where it would widen the position gate
     * beyond that speed times the coast.
     */
    private ConstantVelocityFilter.State predict(TrackState t, Instant when) {
        double dt = Math.max(0, seconds(t.time, when));
        ConstantVelocityFilter.State prior = capVelocity(t.state);
        ConstantVelocityFilter.State full = filter.predict(prior, dt);
        double[][] p0 = prior.covariance();
        double reach = config.maxSpeedMps() * dt;
        double limit = Math.max(p0[0][0], p0[1][1]) + reach * reach / gate;
        double withNoise = positionVariance(full);
        if (withNoise <= limit) return full;
        ConstantVelocityFilter.State deterministic = filter.predict(prior, dt, 0);
        double without = positionVariance(deterministic);
        if (without >= limit) return deterministic;
        // Q's position entries are linear in its scale.
        return filter.predict(prior, dt, (limit - without) / (withNoise - without));
    }

    /** Scales the velocity rows and columns (D P D, so still positive definite) so no speed sigma exceeds the maximum. */
    private ConstantVelocityFilter.State capVelocity(ConstantVelocityFilter.State s) {
        double[][] p = s.covariance();
        double cap = config.maxSpeedMps() * config.maxSpeedMps();
        double worst = Math.max(p[2][2], p[3][3]);
        if (worst <= cap) return s;
        double f = Math.sqrt(cap / worst);
        double[] scale = {1, 1, f, f};
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) p[i][j] *= scale[i] * scale[j];
        }
        return new ConstantVelocityFilter.State(s.mean(), p);
    }

    private static double positionVariance(ConstantVelocityFilter.State s) {
        double[][] p = s.covariance();
        return Math.max(p[0][0], p[1][1]);
    }

    /**
     * A cheap bound before the filter's prediction: the detection lies within the speed-bounded reach of the track,
     * whatever its covariance (most live tracks are far from any one detection).
     */
    private boolean withinReach(TrackState t, LocalDetection d) {
        double dt = Math.max(0, seconds(t.time, d.time()));
        ConstantVelocityFilter.State s = t.state;
        double px = s.mean(0) + s.mean(2) * dt;
        double py = s.mean(1) + s.mean(3) * dt;
        double spread = Math.sqrt(gate * (Math.max(s.covariance(0, 0), s.covariance(1, 1)) + d.covariance().trace()))
                + 2 * config.maxSpeedMps() * dt;
        double dx = d.x() - px;
        double dy = d.y() - py;
        return dx * dx + dy * dy <= spread * spread;
    }

    /**
     * {@code -2 ln} of how much likelier the detection's class and side reports are from this track's object than
     * from a new object of unknown class and side. Negative when the reports agree with the track: between co-located
     * objects, an APC and infantry at one post, the reports decide which is which.
     */
    private double featureCost(TrackState t, LocalDetection d) {
        double cost = 0;
        if (d.objectClass() != ObjectClass.UNKNOWN) cost += classCost(t, d.objectClass(), d.classConfidence());
        if (d.side().isPresent() && sides.size() >= 2) {
            int n = sides.size();
            double pi = t.sideProbability(d.side().get(), n);
            double q = clampConfidence(d.sideConfidence());
            // A side report names the true side with probability q, each other side with an equal share of 1 - q.
            cost += -2 * Math.log(n * (pi * q + (1 - pi) * (1 - q) / (n - 1)));
        }
        return cost;
    }

    /**
     * {@code -2 ln} of the likelihood ratio of a class report of confidence p: it names the true class with
     * probability p; otherwise mostly (1 - {@link #CROSS_FAMILY}) a class of the same family, vehicles or people (a
     * tank read as an APC, infantry as personnel), seldom one of the other family. The track's belief over the
     * classes is its vote, normalised; a new object's is uniform.
     */
    private static double classCost(TrackState t, ObjectClass reported, double confidence) {
        double p = clampConfidence(confidence);
        double[] belief = new double[CLASSES];
        double sum = 0;
        for (int k = 0; k < CLASSES; k++) {
            belief[k] = t.classProbability(KNOWN_CLASSES[k], CLASSES);
            sum += belief[k];
        }
        double track = 0, uniform = 0;
        for (int k = 0; k < CLASSES; k++) {
            double given = classReportProbability(reported, KNOWN_CLASSES[k], p);
            track += belief[k] / sum * given;
            uniform += given / CLASSES;
        }
        return -2 * Math.log(track / uniform);
    }

    private static double classReportProbability(ObjectClass reported, ObjectClass truth, double p) {
        if (reported == truth) return p;
        int family = 0;
        for (ObjectClass c : KNOWN_CLASSES) if (c.vehicle() == truth.vehicle()) family++;
        if (reported.vehicle() == truth.vehicle()) return (1 - p) * (1 - CROSS_FAMILY) / (family - 1);
        return (1 - p) * CROSS_FAMILY / (CLASSES - family);
    }

    private static double clampConfidence(double p) {
        return Math.min(0.99, Math.max(0.01, p));
    }

    /** Class families agree and sides do not conflict. */
    private boolean compatible(TrackState t, LocalDetection d) {
        return sameFamily(t.objectClass(), t.classConfidence(), d.objectClass(), d.classConfidence())
                && !conflict(t.side(), t.sideConfidence(), d.side(), d.sideConfidence(), config.sideConflict());
    }

    /** For re-acquisition also the class itself: a confident tank report does not wake a confident truck. */
    private boolean sameKind(TrackState t, LocalDetection d) {
        return sameClass(t.objectClass(), t.classConfidence(), d.objectClass(), d.classConfidence());
    }

    /** Vehicles with vehicles, people with people, unless either class is unknown or held below 0.5. */
    private static boolean sameFamily(ObjectClass a, double ca, ObjectClass b, double cb) {
        return a == ObjectClass.UNKNOWN || b == ObjectClass.UNKNOWN || ca < 0.5 || cb < 0.5 || a.vehicle() == b.vehicle();
    }

    /** The classes do not confidently differ ({@link TrackerConfig#classConflict()}). */
    private boolean sameClass(ObjectClass a, double ca, ObjectClass b, double cb) {
        return a == ObjectClass.UNKNOWN || b == ObjectClass.UNKNOWN || a == b
                || ca < config.classConflict() || cb < config.classConflict();
    }

    private static boolean conflict(Optional<PartyId> a, double ca, Optional<PartyId> b, double cb, double threshold) {
        return a.isPresent() && b.isPresent() && !a.equals(b) && ca >= threshold && cb >= threshold;
    }

    private TrackStatus status(TrackState t) {
        return t.confirmed && !t.reacquiring ? TrackStatus.CONFIRMED : TrackStatus.TENTATIVE;
    }

    private LocalDetection local(String id, Observation.Detection d) {
        var c = projection.toLocal(d.position());
        double sigma = Math.max(MIN_SIGMA_M, d.cepM() / Covariance2.CEP_PER_SIGMA);
        return new LocalDetection(id, d.asset().value(), d.time(), c.x, c.y, Covariance2.circular(sigma),
                d.objectClass(), d.classConfidence(), d.side(), d.sideConfidence(), d.count(), d.appearance());
    }

    private static double seconds(Instant from, Instant to) {
        return (to.getEpochSecond() - from.getEpochSecond()) + (to.getNano() - from.getNano()) / 1e9;
    }
}
