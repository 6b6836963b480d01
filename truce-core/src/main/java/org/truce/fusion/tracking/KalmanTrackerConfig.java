package org.truce.fusion.tracking;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings of {@link KalmanTracker}. Immutable.
 *
 * @param accelerationPsd   spectral density q of the white-noise acceleration driving the constant-velocity model,
 *                          m^2/s^3 per axis; larger keeps manoeuvring targets, smaller smooths straight ones.
 *                          Default 0.5 (ground vehicles: about 1 m/s^2 of manoeuvre over a few seconds)
 * @param gateProbability   probability that a true detection falls inside the chi-square(2) gate on the squared
 *                          Mahalanobis distance of the innovation; default 0.999 (gate 13.8)
 * @param initialSpeedSigmaMps 1-sigma of each velocity component for a new track, m/s; default 15
 * @param confirmHits       M of M-of-N confirmation; default 3
 * @param confirmWindow     N of M-of-N: a tentative track needs M hits within its first N scans or is deleted;
 *                          default 5
 * @param maxMisses         a confirmed track is deleted after this many consecutive scans without a detection;
 *                          default 5
 * @param maxCoast          ... or after coasting this long without a detection, whichever comes first;
 *                          default 10 minutes
 * @param tentativeTimeout  a tentative track is deleted after this long without a detection (its gate grows with
 *                          time, so a long-lived tentative track would collect clutter); default 60 s
 * @param idPrefix          prefix of track ids, default {@code TRK-}
 * @param evidenceLimit     how many recent observation ids a track keeps as evidence; default 20
 */
public record KalmanTrackerConfig(double accelerationPsd, double gateProbability, double initialSpeedSigmaMps,
                            int confirmHits, int confirmWindow, int maxMisses, Duration maxCoast,
                                  Duration tentativeTimeout, String idPrefix,
                                  int evidenceLimit) {
    public KalmanTrackerConfig {
        Objects.requireNonNull(maxCoast, "maxCoast");
        Objects.requireNonNull(tentativeTimeout, "tentativeTimeout");
        Objects.requireNonNull(idPrefix, "idPrefix");
        if (!(accelerationPsd > 0) || !Double.isFinite(accelerationPsd)) {
            throw new IllegalArgumentException("accelerationPsd must be > 0 m^2/s^3, got " + accelerationPsd);
        }
        if (!(gateProbability > 0 && gateProbability < 1)) {
            throw new IllegalArgumentException("gateProbability must be in (0, 1), got " + gateProbability);
        }
        if (!(initialSpeedSigmaMps > 0)) {
            throw new IllegalArgumentException("initialSpeedSigmaMps must be > 0, got " + initialSpeedSigmaMps);
        }
        if (confirmHits < 1 || confirmWindow < confirmHits) {
            throw new IllegalArgumentException("need 1 <= confirmHits <= confirmWindow, got " + confirmHits + " of "
                    + confirmWindow);
        }
        if (maxMisses < 1) {
            throw new IllegalArgumentException("maxMisses must be >= 1, got " + maxMisses);
        }
        if (maxCoast.isNegative() || maxCoast.isZero()) {
            throw new IllegalArgumentException("maxCoast must be positive, got " + maxCoast);
        }
        if (tentativeTimeout.isNegative() || tentativeTimeout.isZero()) {
            throw new IllegalArgumentException("tentativeTimeout must be positive, got " + tentativeTimeout);
        }
        if (evidenceLimit < 1) {
            throw new IllegalArgumentException("evidenceLimit must be >= 1, got " + evidenceLimit);
        }
    }

    public static KalmanTrackerConfig defaults() {
        return new KalmanTrackerConfig(0.5, 0.999, 15, 3, 5, 5, Duration.ofMinutes(10), Duration.ofSeconds(60),
                "TRK-", 20);
    }

    public KalmanTrackerConfig withAccelerationPsd(double q) {
        return new KalmanTrackerConfig(q, gateProbability, initialSpeedSigmaMps, confirmHits, confirmWindow, maxMisses,
                maxCoast, tentativeTimeout, idPrefix,
                evidenceLimit);
    }

    public KalmanTrackerConfig withConfirmation(int hits, int window) {
        return new KalmanTrackerConfig(accelerationPsd, gateProbability, initialSpeedSigmaMps, hits, window, maxMisses,
                maxCoast, tentativeTimeout, idPrefix,
                evidenceLimit);
    }

    public KalmanTrackerConfig withDeletion(int misses, Duration coast) {
        return new KalmanTrackerConfig(accelerationPsd, gateProbability, initialSpeedSigmaMps, confirmHits, confirmWindow,
                misses, coast, tentativeTimeout, idPrefix,
                evidenceLimit);
    }

    public KalmanTrackerConfig withTentativeTimeout(Duration timeout) {
        return new KalmanTrackerConfig(accelerationPsd, gateProbability, initialSpeedSigmaMps, confirmHits, confirmWindow,
                maxMisses, maxCoast, timeout, idPrefix, evidenceLimit);
    }

    /** The gate on the squared Mahalanobis distance: the chi-square(2) quantile of {@link #gateProbability}. */
    public double gate() {
        return -2 * Math.log1p(-gateProbability);
    }
}
