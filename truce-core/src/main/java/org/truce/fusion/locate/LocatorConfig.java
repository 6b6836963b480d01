package org.truce.fusion.locate;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings of {@link EventLocator} and {@link CueGrouper}. Immutable.
 *
 * @param speedOfSoundMps      speed of sound, m/s; default 343 (dry air at 20 °C)
 * @param maxErrorM            largest acceptable 95 % semi-major axis, m: a worse fix is rejected as ill-conditioned
 *                             rather than published; default 10 000
 * @param minCollinearity      sensors whose minor spread is below this fraction of their major spread count as
 *                             collinear; default 0.02
 * @param minCrossingAngleDeg  bearings-only fixes need two bearings crossing at least this angle; default 3
 * @param maxIterations        Levenberg–Marquardt iterations per start; default 100
 * @param sightingWindow       cues other than arrivals belong to one event only within this time of its first cue;
 *                             default 10 s
 * @param acousticWindow       arrivals belong to one event only within this time of its first cue (the longest
 *                             sound travel plus slack); default 60 s (about 20 km)
 * @param consistencyGate      squared normalised distance under which two cues agree (chi-square, 0.999 for
 *                             two degrees of freedom); default 13.8
 * @param arrivalSigmaSeconds  1-sigma timing error of an acoustic array's arrival time, for fire cues that carry only
 *                             the time the sound reached the array (no position, no bearing); default 0.02 s (7 m of
 *                             sound travel: array clocks are GPS-disciplined, the wind and the onset pick dominate)
 */
public record LocatorConfig(double speedOfSoundMps, double maxErrorM, double minCollinearity,
                            double minCrossingAngleDeg, int maxIterations, Duration sightingWindow,
                            Duration acousticWindow, double consistencyGate, double arrivalSigmaSeconds) {
    public LocatorConfig {
        Objects.requireNonNull(sightingWindow, "sightingWindow");
        Objects.requireNonNull(acousticWindow, "acousticWindow");
        if (!(speedOfSoundMps > 0)) {
            throw new IllegalArgumentException("speedOfSoundMps must be > 0, got " + speedOfSoundMps);
        }
        if (!(maxErrorM > 0)) {
            throw new IllegalArgumentException("maxErrorM must be > 0, got " + maxErrorM);
        }
        if (!(minCollinearity >= 0 && minCollinearity < 1)) {
            throw new IllegalArgumentException("minCollinearity must be in [0, 1), got " + minCollinearity);
        }
        if (!(minCrossingAngleDeg >= 0 && minCrossingAngleDeg < 90)) {
            throw new IllegalArgumentException("minCrossingAngleDeg must be in [0, 90), got " + minCrossingAngleDeg);
        }
        if (maxIterations < 1) {
            throw new IllegalArgumentException("maxIterations must be >= 1, got " + maxIterations);
        }
        if (sightingWindow.isNegative() || acousticWindow.isNegative()) {
            throw new IllegalArgumentException("windows must not be negative");
        }
        if (!(consistencyGate > 0)) {
            throw new IllegalArgumentException("consistencyGate must be > 0, got " + consistencyGate);
        }
        if (!(arrivalSigmaSeconds > 0) || !Double.isFinite(arrivalSigmaSeconds)) {
            throw new IllegalArgumentException("arrivalSigmaSeconds must be > 0, got " + arrivalSigmaSeconds);
        }
    }

    public static LocatorConfig defaults() {
        return new LocatorConfig(343, 10_000, 0.02, 3, 100, Duration.ofSeconds(10), Duration.ofSeconds(60), 13.8, 0.02);
    }

    public LocatorConfig withSpeedOfSound(double mps) {
        return new LocatorConfig(mps, maxErrorM, minCollinearity, minCrossingAngleDeg, maxIterations, sightingWindow,
                acousticWindow, consistencyGate, arrivalSigmaSeconds);
    }

    public LocatorConfig withMaxError(double metres) {
        return new LocatorConfig(speedOfSoundMps, metres, minCollinearity, minCrossingAngleDeg, maxIterations,
                sightingWindow, acousticWindow, consistencyGate, arrivalSigmaSeconds);
    }
}
