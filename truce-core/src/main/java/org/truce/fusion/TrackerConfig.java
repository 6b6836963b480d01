package org.truce.fusion;

import java.time.Duration;
import java.util.Objects;

/**
 * Tunables of the {@link NearestNeighbourTracker}. Immutable.
 *
 * @param gateSigmas       a detection gates with a track when its distance is at most this many combined sigmas (default 3.5)
 * @param minGateM         never gate tighter than this many metres (default 30)
 * @param alpha            position gain of the alpha-beta filter (default 0.5)
 * @param beta             velocity gain of the alpha-beta filter (default 0.3)
 * @param initialSpeedSigmaMps velocity uncertainty of a new track, covering any ground vehicle (default 20 m/s)
 * @param minSpeedSigmaMps velocity uncertainty floor of a settled track, covering manoeuvres (default 2 m/s)
 * @param confirmHits      hits needed to confirm a track (default 3) …
 * @param confirmWindow    … within this window (default 5 min)
 * @param maxCoast         a track with no hit for this long is deleted (default 10 min)
 * @param evidenceLimit    observation ids kept per track, most recent (default 50)
 * @param maxGateM         never gate wider than this many metres, however long a track coasted (default 600): a
 *                         unit seen again far away after a long gap starts a new track rather than hijacking an old one
 * @param sideConflict     a detection naming another party with at least this confidence may not join a track whose
 *                         side estimate is at least this confident either (default 0.8)
 * @param sameSideSpeedMps a detection confidently naming the same side as a confident track may be as far from it as
 *                         this speed allows since the last hit (default 15 m/s), beyond {@code maxGateM}: a unit
 *                         seen again by another sensor minutes later keeps its track, so its crossing is seen
 */
public record TrackerConfig(double gateSigmas, double minGateM, double alpha, double beta,
                            double initialSpeedSigmaMps, double minSpeedSigmaMps, int confirmHits,
                            Duration confirmWindow, Duration maxCoast, int evidenceLimit,
                            double maxGateM, double sideConflict, double sameSideSpeedMps) {
    public TrackerConfig {
        if (!(gateSigmas > 0)) throw new IllegalArgumentException("gateSigmas must be > 0");
        if (!(minGateM >= 0)) throw new IllegalArgumentException("minGateM must be >= 0");
        if (!(alpha > 0 && alpha <= 1)) throw new IllegalArgumentException("alpha must be in (0, 1]");
        if (!(beta >= 0 && beta <= 2)) throw new IllegalArgumentException("beta must be in [0, 2]");
        if (!(initialSpeedSigmaMps > 0) || !(minSpeedSigmaMps > 0)) throw new IllegalArgumentException("speed sigmas must be > 0");
        if (confirmHits < 1) throw new IllegalArgumentException("confirmHits must be >= 1");
        Objects.requireNonNull(confirmWindow); Objects.requireNonNull(maxCoast);
        if (evidenceLimit < 1) throw new IllegalArgumentException("evidenceLimit must be >= 1");
        if (!(maxGateM >= minGateM)) throw new IllegalArgumentException("maxGateM must be >= minGateM");
        if (!(sameSideSpeedMps >= 0)) throw new IllegalArgumentException("sameSideSpeedMps must be >= 0");
        if (!(sideConflict > 0.5 && sideConflict <= 1)) throw new IllegalArgumentException("sideConflict must be in (0.5, 1]");
    }

    public static TrackerConfig defaults() {
        return new TrackerConfig(3.5, 30, 0.5, 0.3, 20, 2, 3, Duration.ofMinutes(5), Duration.ofMinutes(10), 50,
                600, 0.8, 15);
    }
}
