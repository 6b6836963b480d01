package org.truce.fusion.tracking;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.truce.agreement.PartyId;
import org.truce.fusion.TrackStatus;
import org.truce.sensing.ObjectClass;

/**
 * Multi-sensor, multi-target tracker: constant-velocity Kalman filters, chi-square gating, global-nearest-neighbour
 * assignment per scan and per asset, M-of-N confirmation, deletion after coasting, log-odds class and side fusion.
 *
 * <p>Each scan is split by reporting asset (ascending id) and the groups are assigned one after another at the same
 * time, so two sensors seeing one object update one track instead of spawning a duplicate. Within a group the
 * assignment minimises the sum of {@code d^2 + ln det S} (the negative log-likelihood of the innovation) over gated
 * pairs with {@link Assignment}; unassigned detections start tentative tracks.
 *
 * <p>{@link #process} takes whole scans: every live track without a detection in the scan counts a miss and M-of-N
 * runs over scans, so a scan should cover the whole area of interest (all sensors over a time bin), or say what it
 * watched ({@link #process(List, Instant, Optional)}) so that tracks elsewhere are not charged a miss. The center's
 * pipeline, fed observation by observation by sensors that each see only part of the theater, uses
 * {@link MultiSensorTracker} instead, built on the same filter.
 *
 * <p>Deterministic: detections are sorted (asset, time, id, x, y) before use, ids are {@code prefix + n} in creation
 * order, and no clock or randomness is read. Not thread-safe: one instance per stream of scans.
 */
public final class KalmanTracker implements LocalTracker {
    private static final GeometryFactory GEOMETRY = new GeometryFactory();

    private final KalmanTrackerConfig config;
    private final ConstantVelocityFilter filter;
    private final Map<Integer, Live> live = new LinkedHashMap<>();
    private int nextNumber = 1;
    private Instant lastTime;

    public KalmanTracker(KalmanTrackerConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        this.filter = new ConstantVelocityFilter(config.accelerationPsd());
    }

    public KalmanTrackerConfig config() {
        return config;
    }

    @Override
    public List<TrackEstimate> process(List<LocalDetection> scan, Instant t) {
        return process(scan, t, Optional.empty());
    }

    /**
     * A scan of sensors that watched only {@code watched} (their footprints, local metres): tracks predicted outside
     * it neither count a miss nor advance their M-of-N window, since the scan could not have seen them; time-based
     * deletion still applies. With an empty {@code watched} this is {@link #process(List, Instant)}.
     *
     * @param watched a Polygon or MultiPolygon in local metres, or empty for "everywhere"
     */
    public List<TrackEstimate> process(List<LocalDetection> scan, Instant t, Optional<Geometry> watched) {
        Objects.requireNonNull(scan, "scan");
        Objects.requireNonNull(t, "t");
        Objects.requireNonNull(watched, "watched");
        Optional<PreparedGeometry> view = watched.map(PreparedGeometryFactory::prepare);
        if (lastTime != null && t.isBefore(lastTime)) {
            throw new IllegalArgumentException("scan time " + t + " is before the previous scan " + lastTime);
        }
        for (Live track : live.values()) {
            track.state = filter.predict(track.state, seconds(track.time, t));
            track.time = t;
            track.updatedThisScan = false;
        }
        lastTime = t;

        List<LocalDetection> sorted = new ArrayList<>(scan);
        sorted.sort(Comparator.comparing(LocalDetection::asset).thenComparing(LocalDetection::time)
                .thenComparing(LocalDetection::id).thenComparingDouble(LocalDetection::x)
                .thenComparingDouble(LocalDetection::y));
        int from = 0;
        while (from < sorted.size()) {
            int to = from;
            while (to < sorted.size() && sorted.get(to).asset().equals(sorted.get(from).asset())) {
                to++;
            }
            associate(sorted.subList(from, to), t);
            from = to;
        }

        List<TrackEstimate> out = new ArrayList<>();
        Iterator<Live> it = live.values().iterator();
        while (it.hasNext()) {
            Live track = it.next();
            boolean seen = track.updatedThisScan || view.isEmpty() || view.get().covers(
                    GEOMETRY.createPoint(new Coordinate(track.state.mean()[0], track.state.mean()[1])));
            if (seen) {
                track.recordScan(track.updatedThisScan);
            }
            if (!track.confirmed && track.hitsInWindow() >= config.confirmHits()) {
                track.confirmed = true;
            }
            boolean delete = track.confirmed
                    ? track.misses >= config.maxMisses()
                            || Duration.between(track.lastUpdate, t).compareTo(config.maxCoast()) > 0
                    : track.scans >= config.confirmWindow() || Duration.between(track.lastUpdate, t)
                            .compareTo(config.tentativeTimeout()) > 0;
            TrackStatus status = delete ? TrackStatus.DELETED
                    : track.confirmed ? TrackStatus.CONFIRMED : TrackStatus.TENTATIVE;
            out.add(track.estimate(status));
            if (delete) {
                it.remove();
            }
        }
        return out;
    }

    /** Associates one asset's detections with the live tracks and starts tracks for the rest. */
    private void associate(List<LocalDetection> detections, Instant t) {
        List<Live> tracks = new ArrayList<>(live.values());
        double gate = config.gate();
        double[][] cost = new double[tracks.size()][detections.size()];
        for (int i = 0; i < tracks.size(); i++) {
            for (int j = 0; j < detections.size(); j++) {
                LocalDetection d = detections.get(j);
                var in = filter.innovation(tracks.get(i).state, d.x(), d.y(), d.covariance());
                cost[i][j] = in.mahalanobis2() <= gate
                        ? in.mahalanobis2() + Math.log(in.covariance().determinant())
                        : Assignment.FORBIDDEN;
            }
        }
        int[] assigned = Assignment.solve(cost);
        boolean[] used = new boolean[detections.size()];
        for (int i = 0; i < tracks.size(); i++) {
            if (assigned[i] >= 0) {
                used[assigned[i]] = true;
                tracks.get(i).absorb(detections.get(assigned[i]), t);
            }
        }
        for (int j = 0; j < detections.size(); j++) {
            if (!used[j]) {
                LocalDetection d = detections.get(j);
                Live track = new Live(config.idPrefix() + nextNumber, d, t,
                        filter.initial(d.x(), d.y(), d.covariance(), config.initialSpeedSigmaMps()));
                live.put(nextNumber++, track);
            }
        }
    }

    private static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toNanos() / 1e9;
    }

    /** One live track's mutable state, owned by the tracker. */
    private final class Live {
        final String id;
        final Instant firstSeen;
        final LogOddsVote<ObjectClass> classVote = new LogOddsVote<>();
        final LogOddsVote<PartyId> sideVote = new LogOddsVote<>();
        final Deque<String> evidence = new ArrayDeque<>();
        final Deque<Boolean> window = new ArrayDeque<>();
        ConstantVelocityFilter.State state;
        Instant time;
        Instant lastUpdate;
        boolean confirmed;
        boolean updatedThisScan;
        int hits;
        int misses;
        int scans;
        int size;

        Live(String id, LocalDetection first, Instant t, ConstantVelocityFilter.State initial) {
            this.id = id;
            this.firstSeen = first.time();
            this.time = t;
            this.lastUpdate = t;
            this.state = initial;
            note(first);
        }

        void absorb(LocalDetection d, Instant t) {
            state = filter.update(state, d.x(), d.y(), d.covariance());
            lastUpdate = t;
            note(d);
        }

        private void note(LocalDetection d) {
            hits++;
            updatedThisScan = true;
            size = d.count();
            if (d.objectClass() != ObjectClass.UNKNOWN) {
                classVote.report(d.objectClass(), d.classConfidence());
            }
            d.side().ifPresent(s -> sideVote.report(s, d.sideConfidence()));
            evidence.addLast(d.id());
            while (evidence.size() > config.evidenceLimit()) {
                evidence.removeFirst();
            }
        }

        void recordScan(boolean hit) {
            scans++;
            misses = hit ? 0 : misses + 1;
            window.addLast(hit);
            while (window.size() > config.confirmWindow()) {
                window.removeFirst();
            }
        }

        int hitsInWindow() {
            int n = 0;
            for (boolean b : window) {
                n += b ? 1 : 0;
            }
            return n;
        }

        TrackEstimate estimate(TrackStatus status) {
            double[] m = state.mean();
            Optional<ObjectClass> cls = classVote.best();
            return new TrackEstimate(id, status, firstSeen, time, lastUpdate, m[0], m[1], m[2], m[3],
                    StateCovariance.of(state.covariance()), cls.orElse(ObjectClass.UNKNOWN),
                    classVote.confidence(), sideVote.best(), sideVote.confidence(), size, hits, misses,
                    List.copyOf(evidence));
        }
    }
}
