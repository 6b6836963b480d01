package org.truce.fusion.tracking;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.truce.agreement.PartyId;
import org.truce.fusion.Track;
import org.truce.fusion.TrackStatus;
import org.truce.fusion.Tracker;
import org.truce.fusion.TrackerConfig;
import org.truce.fusion.uncertainty.Covariance2;
import org.truce.geo.LocalProjection;
import org.truce.sensing.ObjectClass;
import org.truce.sensing.Observation;

/**
 * The center's tracker: every asset's detections, one at a time, fused into tracks with constant-velocity Kalman
 * filters in the agreement's local metric projection, and tracks kept across coverage gaps.
 *
 * <p><b>Association.</b> A detection may update a live track when its innovation lies inside the chi-square gate
 * ({@link TrackerConfig#gate()}) and nothing forbids the pair: classes must be compatible (vehicles with vehicles,
 * people with people, unless either is unknown or below 0.5), sides must not conflict (both naming different parties
 * with at least {@link TrackerConfig#sideConflict()}: a column does not change army), and a track already hit by the
 * same asset at the same instant is not eligible (one sensor seeing two objects at once means two objects). Among the
 * eligible tracks the detection goes to the one of least {@code d^2 + ln det S}, the negative log-likelihood of the
 * innovation; ties go to the older track. Detections arrive one by one, so this is the nearest-neighbour form of GNN;
 * {@link KalmanTracker} assigns whole scans with the Hungarian method.
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
 * <p>Deterministic: no clock, no randomness, ids {@code TRK-<n>} in creation order, ties broken by id. Not
 * thread-safe: the pipeline calls it from one thread.
 */
public final class MultiSensorTracker implements Tracker {
    /** Track score needed to (re)confirm: ln 1000, a false-confirmation risk near 1e-3 per track. */
    private static final double CONFIRM_SCORE = Math.log(1000);
    /** Floor of a detection's 1-sigma, m: a stated CEP of 0 would make the filter singular. */
    private static final double MIN_SIGMA_M = 1.0;

    private final LocalProjection projection;
    private final TrackerConfig config;
    private final ConstantVelocityFilter filter;
    private final double gate;
    private final double maxCost;
    private final TreeMap<Long, TrackState> live = new TreeMap<>();
    private final TreeMap<Long, TrackState> dormant = new TreeMap<>();
    /** The dormant state of each re-acquiring track, restored if it fails to confirm again. */
    private final TreeMap<Long, TrackState> beforeReacquisition = new TreeMap<>();
    private long nextNumber = 1;

    public MultiSensorTracker(LocalProjection projection, TrackerConfig config) {
        this.projection = Objects.requireNonNull(projection, "projection");
        this.config = Objects.requireNonNull(config, "config");
        this.filter = new ConstantVelocityFilter(config.accelerationPsd());
        this.gate = config.gate();
        this.maxCost = config.maxAssociationCost();
    }

    @Override
    public Track update(String observationId, Observation.Detection detection) {
        LocalDetection d = local(observationId, detection);
        TrackState best = null;
        ConstantVelocityFilter.State bestPredicted = null;
        double bestCost = Double.POSITIVE_INFINITY;
        for (TrackState t : live.values()) {
            if (!eligible(t, d) || !withinReach(t, d)) continue;
            ConstantVelocityFilter.State predicted = predict(t, d.time());
            var in = filter.innovation(predicted, d.x(), d.y(), d.covariance());
            if (in.mahalanobis2() > gate) continue;
            double cost = in.mahalanobis2() + Math.log(in.covariance().determinant());
            if (cost <= maxCost && cost < bestCost) {
                best = t;
                bestPredicted = predicted;
                bestCost = cost;
            }
        }
        TrackState track;
        if (best != null) {
            track = best;
            double dt = Math.max(1, seconds(track.time, d.time()));
            // bestCost is d^2 + ln det S, so ln N(nu; 0, S) = -bestCost / 2 - ln(2 pi).
            track.score += -0.5 * bestCost - Math.log(2 * Math.PI) - Math.log(config.falseAlarmDensity() * dt);
            track.state = filter.update(bestPredicted, d.x(), d.y(), d.covariance());
        } else {
            track = reacquire(d).orElseGet(() -> start(d));
        }
        track.note(d, config.evidenceLimit());
        if (!track.confirmed || track.reacquiring) {
            if (track.recentHits >= config.confirmHits() && track.score >= CONFIRM_SCORE) {
                track.confirmed = true;
                track.reacquiring = false;
                beforeReacquisition.remove(track.number);
            }
        }
        return track.toTrack(projection, status(track));
    }

    @Override
    public List<Track> advanceTo(Instant now) {
        Objects.requireNonNull(now, "now");
        List<Track> gone = new ArrayList<>();
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
        dormant.values().removeIf(t -> Duration.between(t.time, now).compareTo(config.dormantHorizon()) > 0);
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
            var in = filter.innovation(prior, d.x(), d.y(), d.covariance());
            if (in.mahalanobis2() > gate) continue;
            double cost = in.mahalanobis2() + Math.log(in.covariance().determinant());
            if (cost <= maxCost && cost < bestCost) {
                best = t;
                bestPrior = prior;
                bestCost = cost;
            }
        }
        if (best == null) return Optional.empty();
        dormant.remove(best.number);
        beforeReacquisition.put(best.number, best.copy());
        best.reacquiring = true;
        best.recentHits = 0;
        best.score = 0;
        best.assetsAtTime.clear();
        best.state = filter.update(bestPrior, d.x(), d.y(), d.covariance());
        live.put(best.number, best);
        return Optional.of(best);
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
        double[] m = t.state.mean();
        double[][] p = t.state.covariance();
        double px = m[0] + m[2] * dt;
        double py = m[1] + m[3] * dt;
        double spread = Math.sqrt(gate * (Math.max(p[0][0], p[1][1]) + d.covariance().trace()))
                + 2 * config.maxSpeedMps() * dt;
        double dx = d.x() - px;
        double dy = d.y() - py;
        return dx * dx + dy * dy <= spread * spread;
    }

    private boolean eligible(TrackState t, LocalDetection d) {
        if (t.time.equals(d.time()) && t.assetsAtTime.contains(d.asset())) return false;
        return compatible(t, d);
    }

    /** Class families agree and sides do not conflict. */
    private boolean compatible(TrackState t, LocalDetection d) {
        ObjectClass tc = t.objectClass();
        ObjectClass dc = d.objectClass();
        boolean classes = tc == ObjectClass.UNKNOWN || dc == ObjectClass.UNKNOWN || d.classConfidence() < 0.5
                || t.classConfidence() < 0.5 || tc.vehicle() == dc.vehicle();
        return classes && !conflict(t.side(), t.sideConfidence(), d.side(), d.sideConfidence(), config.sideConflict());
    }

    /** For re-acquisition also the class itself: a confident tank report does not wake a confident truck. */
    private boolean sameKind(TrackState t, LocalDetection d) {
        ObjectClass tc = t.objectClass();
        ObjectClass dc = d.objectClass();
        return tc == ObjectClass.UNKNOWN || dc == ObjectClass.UNKNOWN || tc == dc
                || t.classConfidence() < config.classConflict() || d.classConfidence() < config.classConflict();
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
                d.objectClass(), d.classConfidence(), d.side(), d.sideConfidence(), d.count());
    }

    private static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toNanos() / 1e9;
    }
}
