package org.truce.fusion;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.locationtech.jts.geom.Coordinate;
import org.truce.agreement.PartyId;
import org.truce.geo.LocalProjection;
import org.truce.geo.ZoneIndex;
import org.truce.sensing.AssetId;
import org.truce.sensing.ObjectClass;
import org.truce.sensing.Observation.Detection;

/**
 * Part 1's tracker: gated nearest-neighbour association with an alpha-beta (constant-velocity) filter, all in
 * the local metric projection.
 *
 * <ul>
 *   <li>Gating: a detection may join a track if its class is compatible and its distance to the track's
 *       predicted position is within {@code gateSigmas} combined sigmas (track prediction and detection CEP),
 *       never tighter than {@code minGateM} nor wider than {@code maxGateM}; a detection confidently naming another
 *       side than a confident track's does not join it. A track already hit by the same asset at the same instant is not
 *       eligible: one sensor seeing two objects at once means two objects.</li>
 *   <li>Assignment: the gated track with the smallest normalised distance; ties go to the older track.</li>
 *   <li>Lifecycle: tentative until {@code confirmHits} hits within {@code confirmWindow}; a tentative track not
 *       hit for {@code confirmWindow}, or a confirmed one not hit for {@code maxCoast}, is deleted.</li>
 *   <li>Class: confidence-weighted vote. Side: summed log-odds per party, reported as the party whose log-odds
 *       exceed all others' combined. Size: the largest {@code count} among the last five hits.</li>
 * </ul>
 * Ids are {@code TRK-<n>} in order of creation, so the same detections in the same order give the same tracks.
 * Not thread-safe.
 */
public final class NearestNeighbourTracker implements Tracker {
    private static final int SIZE_MEMORY = 5;

    private final LocalProjection projection;
    private final TrackerConfig config;
    private final TreeMap<Long, State> live = new TreeMap<>();
    private long nextNumber = 1;

    public NearestNeighbourTracker(LocalProjection projection, TrackerConfig config) {
        this.projection = Objects.requireNonNull(projection);
        this.config = Objects.requireNonNull(config);
    }

    @Override
    public Track update(String observationId, Detection d) {
        Coordinate z = projection.toLocal(d.position());
        double detSigma = Math.max(1.0, d.cepM() * ZoneIndex.SIGMA_PER_CEP);
        State best = null;
        double bestScore = Double.POSITIVE_INFINITY;
        for (State s : live.values()) {
            if (!eligible(s, d)) continue;
            double dt = seconds(s.time, d.time());
            double px = s.x + s.vx * dt, py = s.y + s.vy * dt;
            double combined = Math.sqrt(s.predictedVariance(dt) + detSigma * detSigma);
            double dist = Math.hypot(z.x - px, z.y - py);
            double cap = sameSide(s.side(), d) ? Math.max(config.maxGateM(), config.sameSideSpeedMps() * dt)
                    : config.maxGateM();
            double gate = Math.min(cap, Math.max(config.minGateM(), config.gateSigmas() * combined));
            if (dist > gate) continue;
            double score = dist / combined;
            if (score < bestScore) {
                bestScore = score;
                best = s;
            }
        }
        if (best == null) {
            best = new State(nextNumber++, d.time(), z, detSigma, config.initialSpeedSigmaMps());
            live.put(best.number, best);
        } else {
            best.correct(d.time(), z, detSigma);
        }
        best.absorb(observationId, d);
        return best.toTrack();
    }

    @Override
    public List<Track> advanceTo(Instant now) {
        List<Track> deleted = new ArrayList<>();
        for (Iterator<State> it = live.values().iterator(); it.hasNext(); ) {
            State s = it.next();
            if (expired(s, now)) {
                s.status = TrackStatus.DELETED;
                deleted.add(s.toTrack());
                it.remove();
            }
        }
        return deleted;
    }

    @Override
    public List<Track> tracks() {
        return live.values().stream().map(State::toTrack).toList();
    }

    private boolean eligible(State s, Detection d) {
        if (expired(s, d.time())) return false;
        if (s.time.equals(d.time()) && s.assetsAtTime.contains(d.asset())) return false;
        return compatible(s.objectClass(), d) && !sidesConflict(s.side(), d);
    }

    /** A confident track and a detection confidently naming the same side: the speed-bounded gate applies. */
    private boolean sameSide(SideEstimate t, Detection d) {
        return t.side().isPresent() && t.side().equals(d.side())
                && t.confidence() >= config.sideConflict() && d.sideConfidence() >= config.sideConflict();
    }

    /** Two confident, different sides mean two objects, however close: a column does not change army. */
    private boolean sidesConflict(SideEstimate t, Detection d) {
        return t.side().isPresent() && d.side().isPresent() && !t.side().equals(d.side())
                && t.confidence() >= config.sideConflict() && d.sideConfidence() >= config.sideConflict();
    }

    /** A track's side estimate: the party, if any is more likely than all others together, and its probability. */
    private record SideEstimate(Optional<PartyId> side, double confidence) { }

    private boolean expired(State s, Instant now) {
        Duration limit = s.status == TrackStatus.CONFIRMED ? config.maxCoast() : config.confirmWindow();
        return Duration.between(s.time, now).compareTo(limit) > 0;
    }

    /** Vehicles may be mistaken for other vehicles and people for people, never one for the other. */
    static boolean compatible(ObjectClass track, Detection d) {
        ObjectClass c = d.objectClass();
        if (track == ObjectClass.UNKNOWN || c == ObjectClass.UNKNOWN || d.classConfidence() < 0.5) return true;
        return track.vehicle() == c.vehicle();
    }

    private static double seconds(Instant from, Instant to) {
        // An out-of-order detection is not predicted backwards: it updates the current estimate.
        return Math.max(0, Duration.between(from, to).toNanos() / 1e9);
    }

    private static double logit(double p) {
        double q = Math.min(0.999, Math.max(0.001, p));
        return Math.log(q / (1 - q));
    }

    /** Mutable filter state of one live track. */
    private final class State {
        final long number;
        final Instant firstSeen;
        Instant time;
        double x, y, vx, vy, sigmaP, sigmaV;
        int hits;
        TrackStatus status = TrackStatus.TENTATIVE;
        final Deque<Instant> recentHits = new ArrayDeque<>();
        final Set<AssetId> assetsAtTime = new HashSet<>();
        final Map<ObjectClass, Double> classVotes = new EnumMap<>(ObjectClass.class);
        final TreeMap<PartyId, Double> sideLogOdds = new TreeMap<>();
        final Deque<Integer> counts = new ArrayDeque<>();
        final Deque<String> evidence = new ArrayDeque<>();

        State(long number, Instant t, Coordinate z, double detSigma, double speedSigma) {
            this.number = number;
            this.firstSeen = t;
            this.time = t;
            this.x = z.x;
            this.y = z.y;
            this.sigmaP = detSigma;
            this.sigmaV = speedSigma;
        }

        double predictedVariance(double dt) {
            return sigmaP * sigmaP + (sigmaV * dt) * (sigmaV * dt);
        }

        void correct(Instant t, Coordinate z, double detSigma) {
            double dt = seconds(time, t);
            double px = x + vx * dt, py = y + vy * dt;
            double prior = predictedVariance(dt);
            double rx = z.x - px, ry = z.y - py;
            if (hits == 1 && dt > 0) {
                // Second hit: the velocity is the displacement itself; an alpha-beta start from zero would lag.
                vx = (z.x - x) / dt;
                vy = (z.y - y) / dt;
                x = z.x;
                y = z.y;
                sigmaV = Math.max(config.minSpeedSigmaMps(),
                        Math.min(config.initialSpeedSigmaMps(), Math.sqrt(2) * detSigma / dt));
            } else {
                x = px + config.alpha() * rx;
                y = py + config.alpha() * ry;
                if (dt > 0) {
                    vx += config.beta() * rx / dt;
                    vy += config.beta() * ry / dt;
                    sigmaV = Math.max(config.minSpeedSigmaMps(), sigmaV * 0.8);
                }
            }
            sigmaP = Math.sqrt(prior * detSigma * detSigma / (prior + detSigma * detSigma));
            if (t.isAfter(time)) {
                time = t;
                assetsAtTime.clear();
            }
        }

        void absorb(String observationId, Detection d) {
            hits++;
            assetsAtTime.add(d.asset());
            recentHits.addLast(d.time());
            Instant horizon = d.time().minus(config.confirmWindow());
            while (!recentHits.isEmpty() && recentHits.peekFirst().isBefore(horizon)) recentHits.removeFirst();
            if (status == TrackStatus.TENTATIVE && recentHits.size() >= config.confirmHits()) {
                status = TrackStatus.CONFIRMED;
            }
            classVotes.merge(d.objectClass(), d.classConfidence(), Double::sum);
            d.side().ifPresent(p -> sideLogOdds.merge(p, logit(d.sideConfidence()), Double::sum));
            counts.addLast(d.count());
            if (counts.size() > SIZE_MEMORY) counts.removeFirst();
            evidence.addLast(observationId);
            if (evidence.size() > config.evidenceLimit()) evidence.removeFirst();
        }

        ObjectClass objectClass() {
            ObjectClass best = ObjectClass.UNKNOWN;
            double bestVote = 0;
            for (var e : classVotes.entrySet()) {
                if (e.getKey() != ObjectClass.UNKNOWN && e.getValue() > bestVote) {
                    best = e.getKey();
                    bestVote = e.getValue();
                }
            }
            return best;
        }

        double classConfidence(ObjectClass c) {
            double total = 0;
            for (var e : classVotes.entrySet()) total += e.getValue();
            return total == 0 ? 0 : classVotes.getOrDefault(c, 0.0) / total;
        }

        SideEstimate side() {
            double total = 0;
            for (double v : sideLogOdds.values()) total += v;
            Optional<PartyId> side = Optional.empty();
            double sideConfidence = 0;
            for (var e : sideLogOdds.entrySet()) {
                // The party's log-odds against all the others together: a binary split per party.
                double conf = 1 / (1 + Math.exp(-(2 * e.getValue() - total)));
                if (conf > sideConfidence) {
                    sideConfidence = conf;
                    side = conf > 0.5 ? Optional.of(e.getKey()) : Optional.empty();
                }
            }
            return new SideEstimate(side, sideConfidence);
        }

        Track toTrack() {
            SideEstimate est = side();
            Optional<PartyId> side = est.side();
            double sideConfidence = est.confidence();
            int size = counts.stream().mapToInt(Integer::intValue).max().orElse(1);
            ObjectClass c = objectClass();
            return new Track("TRK-" + number, firstSeen, time, projection.toGeo(new Coordinate(x, y)), sigmaP,
                    vx, vy, c, classConfidence(c), side, sideConfidence, size, status, hits, List.copyOf(evidence));
        }
    }
}
