package org.truce.fusion.tracking;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.locationtech.jts.geom.Coordinate;
import org.truce.ground.PartyId;
import org.truce.fusion.Track;
import org.truce.fusion.TrackStatus;
import org.truce.geo.LocalProjection;
import org.truce.ground.ObjectClass;

/**
 * One track's mutable state inside {@link MultiSensorTracker}: filter state at the last detection, lifecycle, the
 * class and side votes and the evidence. Owned by one tracker, not thread-safe; {@link #copy()} snapshots it so that a
 * failed re-acquisition can be undone, {@link #deepCopy()} for a tracker's snapshot.
 */
final class TrackState {
    /** How many recent detections' counts the size estimate looks at. */
    private static final int SIZE_MEMORY = 5;
    /** Least variance of a look component: the object's own look varies from one picture to the next. */
    static final double LOOK_VARIANCE_FLOOR = 0.02;

    final long number;
    final Instant firstSeen;
    ConstantVelocityFilter.State state;
    /** Time of the last detection, the time {@link #state} refers to. */
    Instant time;
    boolean confirmed;
    /** Re-acquired from dormancy and not confirmed again yet. */
    boolean reacquiring;
    int hits;
    /** Detections since the track started or was re-acquired, for (re)confirmation. */
    int recentHits;
    /** Log-likelihood ratio of target versus false alarms since the track started or was re-acquired. */
    double score;
    final TreeSet<String> assetsAtTime = new TreeSet<>();
    /**
     * This track as it was before {@link #lastDetection} joined it by live association (null after a start or a
     * re-acquisition), so that a better-fitting detection of the same scan can take its place.
     */
    TrackState beforeLast;
    LocalDetection lastDetection;
    /** The association cost {@link #lastDetection} had. */
    double lastCost;
    private LogOddsVote<ObjectClass> classVote = new LogOddsVote<>();
    private LogOddsVote<PartyId> sideVote = new LogOddsVote<>();
    private final Deque<Integer> counts = new ArrayDeque<>();
    private final Deque<String> evidence = new ArrayDeque<>();
    /**
     * The current stationary stretch: the mean of the detections since the first one that lay within
     * {@code stationaryRadius} of the running mean, how many, and when it began (UTC). A moving object restarts it
     * with nearly every detection; a post keeps it across its revisits.
     */
    double stillX;
    double stillY;
    int stillCount;
    Instant stillSince;
    /**
     * What the detections' re-identification descriptors ({@link org.truce.sensing.Appearance}) say of the object's
     * look: per component the sum of descriptor / noise variance, and the sum of 1 / noise variance (the same for all
     * components). Their ratio is the combined measurement of the look, its inverse that measurement's variance. Null
     * and 0 until a detection brings a descriptor.
     */
    double[] lookSum;
    double lookPrecision;
    /** Where this track began (a start, not a re-acquisition), for re-identification: local metres. */
    double bornX;
    double bornY;
    /** Began as a new track and may still be found to be a dormant one by its look. */
    boolean fresh;

    TrackState(long number, Instant firstSeen, ConstantVelocityFilter.State state) {
        this.number = number;
        this.firstSeen = firstSeen;
        this.state = state;
        this.time = firstSeen;
    }

    TrackState copy() {
        TrackState c = new TrackState(number, firstSeen, state);
        c.time = time;
        c.confirmed = confirmed;
        c.reacquiring = reacquiring;
        c.hits = hits;
        c.recentHits = recentHits;
        c.score = score;
        c.assetsAtTime.addAll(assetsAtTime);
        c.classVote = classVote.copy();
        c.sideVote = sideVote.copy();
        c.counts.addAll(counts);
        c.evidence.addAll(evidence);
        c.stillX = stillX;
        c.stillY = stillY;
        c.stillCount = stillCount;
        c.stillSince = stillSince;
        c.lookSum = lookSum == null ? null : lookSum.clone();
        c.lookPrecision = lookPrecision;
        c.bornX = bornX;
        c.bornY = bornY;
        c.fresh = fresh;
        return c;
    }

    /**
     * A copy sharing nothing mutable with this one, with the scan undo state ({@link #beforeLast},
     * {@link #lastDetection}, {@link #lastCost}) too, unlike {@link #copy()}: for a tracker's snapshot.
     */
    TrackState deepCopy() {
        TrackState c = copy();
        c.beforeLast = beforeLast == null ? null : beforeLast.deepCopy();
        c.lastDetection = lastDetection;
        c.lastCost = lastCost;
        return c;
    }

    /** Whether the last detection came from the same asset at the same instant as {@code d} and can be undone. */
    boolean displaceableBy(LocalDetection d) {
        return beforeLast != null && lastDetection != null && lastDetection.asset().equals(d.asset())
                && lastDetection.time().equals(d.time());
    }

    /** Takes a detection already folded into {@link #state}. */
    void note(LocalDetection d, int evidenceLimit) {
        note(d, evidenceLimit, Double.POSITIVE_INFINITY);
    }

    /**
     * Takes a detection already folded into {@link #state}, and extends the stationary stretch when it lies within
     * {@code stationaryRadius} (m) of the stretch's mean, else starts a new stretch at it.
     */
    void note(LocalDetection d, int evidenceLimit, double stationaryRadius) {
        double dx = d.x() - stillX;
        double dy = d.y() - stillY;
        double radius = stationaryRadius + 3 * Math.sqrt(d.covariance().trace() / 2);
        if (stillCount == 0 || dx * dx + dy * dy > radius * radius) {
            stillX = d.x();
            stillY = d.y();
            stillCount = 1;
            stillSince = d.time();
        } else {
            stillCount++;
            stillX += dx / stillCount;
            stillY += dy / stillCount;
        }
        hits++;
        recentHits++;
        if (d.time().isAfter(time)) {
            time = d.time();
            assetsAtTime.clear();
        }
        assetsAtTime.add(d.asset());
        d.appearance().ifPresent(this::see);
        if (d.objectClass() != ObjectClass.UNKNOWN) classVote.report(d.objectClass(), d.classConfidence());
        d.side().ifPresent(s -> sideVote.report(s, d.sideConfidence()));
        counts.addLast(d.count());
        if (counts.size() > SIZE_MEMORY) counts.removeFirst();
        evidence.addLast(d.id());
        while (evidence.size() > evidenceLimit) evidence.removeFirst();
    }

    /**
     * Folds a descriptor into the look. The combined measurement's variance is kept above
     * {@link #LOOK_VARIANCE_FLOOR}: an object's look drifts with light, angle and load, so many looks must not make
     * the track deaf to the next one. A descriptor of another length is ignored (another model).
     */
    private void see(org.truce.sensing.Appearance a) {
        int n = a.dimensions();
        if (lookSum == null) {
            lookSum = new double[n];
        } else if (lookSum.length != n) {
            return;
        }
        double w = 1 / (a.sigma() * a.sigma());
        for (int k = 0; k < n; k++) lookSum[k] += a.descriptor().get(k) * w;
        lookPrecision += w;
        capLook();
    }

    /** Takes in the look, class and side reports of another track found to be this object. */
    void absorbLook(TrackState other) {
        if (other.lookSum != null && (lookSum == null || lookSum.length == other.lookSum.length)) {
            if (lookSum == null) lookSum = new double[other.lookSum.length];
            for (int k = 0; k < lookSum.length; k++) lookSum[k] += other.lookSum[k];
            lookPrecision += other.lookPrecision;
            capLook();
        }
        classVote.absorb(other.classVote);
        sideVote.absorb(other.sideVote);
    }

    /** The other track's detections as evidence of this one, oldest first, within the limit. */
    void absorbEvidence(TrackState other, int evidenceLimit) {
        evidence.addAll(other.evidence);
        while (evidence.size() > evidenceLimit) evidence.removeFirst();
        hits += other.hits;
    }

    private void capLook() {
        double cap = 1 / LOOK_VARIANCE_FLOOR;
        if (lookPrecision <= cap) return;
        double f = cap / lookPrecision;
        for (int k = 0; k < lookSum.length; k++) lookSum[k] *= f;
        lookPrecision = cap;
    }

    /**
     * Whether the object has stood still: at least {@code minCount} detections within the stationary radius of their
     * mean over at least {@code minSeconds} up to its last detection.
     */
    boolean stationary(int minCount, double minSeconds) {
        return stillCount >= minCount && stillSince != null
                && java.time.Duration.between(stillSince, time).toMillis() >= minSeconds * 1000;
    }

    ObjectClass objectClass() {
        return classVote.best().orElse(ObjectClass.UNKNOWN);
    }

    double classConfidence() {
        return classVote.confidence();
    }

    /** Posterior probability that the object is of class {@code c}, among {@code hypotheses} classes. */
    double classProbability(ObjectClass c, int hypotheses) {
        return classVote.probability(c, hypotheses);
    }

    /** Posterior probability that the object belongs to {@code p}, among {@code hypotheses} sides. */
    double sideProbability(PartyId p, int hypotheses) {
        return sideVote.probability(p, hypotheses);
    }

    Optional<PartyId> side() {
        return sideVote.best();
    }

    double sideConfidence() {
        return sideVote.confidence();
    }

    String id() {
        return "TRK-" + number;
    }

    Track toTrack(LocalProjection projection, TrackStatus status) {
        double[] m = state.mean();
        double[][] p = state.covariance();
        double sigma = Math.sqrt(Math.max(0, (p[0][0] + p[1][1]) / 2));
        int size = counts.stream().mapToInt(Integer::intValue).max().orElse(1);
        return new Track(id(), firstSeen, time, projection.toGeo(new Coordinate(m[0], m[1])), sigma, m[2], m[3],
                objectClass(), classConfidence(), side(), sideConfidence(), size, status, hits, List.copyOf(evidence));
    }
}
