package org.truce.fusion;

import java.time.Duration;
import java.util.Objects;

/**
 * Tunables of the center's tracker ({@link org.truce.fusion.tracking.MultiSensorTracker}). Immutable. Distances in
 * metres, speeds in metres per second, all in the agreement's local metric projection.
 *
 * <p>Live association and filtering:
 *
 * @param accelerationPsd      spectral density q of the white-noise acceleration of the constant-velocity Kalman
 *                             filter, m^2/s^3 per axis (default 2: ground vehicles that stop, start and turn at
 *                             waypoints; 0.5 lost more targets at turns on the simulated theater)
 * @param gateProbability      probability that a true detection falls inside the chi-square(2) gate on the squared
 *                             Mahalanobis distance of the innovation (default 0.999: gate 13.8)
 * @param initialSpeedSigmaMps 1-sigma of each velocity component of a new or re-acquired track (default 15 m/s)
 * @param confirmHits          detections a tentative track needs to confirm, together with a track score of ln 1000
 *                             (default 3)
 * @param tentativeTimeout     a tentative track without a detection for this long is dropped (default 2 min)
 * @param falseAlarmsPerKm2PerHour density of false detections, for the track score (default 1 per km^2 per hour)
 * @param maxCoast             a confirmed track without a detection for this long leaves the live picture: it is
 *                             published once with status DELETED and goes dormant (default 10 min); rules treat a
 *                             track as present until then
 * @param maxSpeedMps          fastest plausible speed of a ground unit between detections: no velocity sigma exceeds
 *                             it, and a coasting track's predicted position
 *                             covariance never grows beyond what this speed allows since its last detection, so its
 *                             gate stays within reach (default 8 m/s, 29 km/h: columns and patrols off-road)
 * @param newObjectsPerKm2     density of objects not yet tracked (new units, false alarms), per km^2: a detection
 *                             joins a track only if its likelihood under the track, N(innovation; 0, S), is at
 *                             least this density, else it is more likely something new. Bounds every gate by the
 *                             track's uncertainty: a track known to 1 km no longer takes anything (default 0.05; 0.1 started
 *                             more tracks for one unit, 0.01 let wide gates take other units, docs/ACCURACY.md)
 * @param sideConflict         a detection naming a party with at least this confidence never joins a track whose
 *                             side is another party with at least this confidence (default 0.8)
 *
 * <p>Continuity across coverage gaps (a unit revisited by drone passes hours apart keeps its track):
 *
 * @param classConflict        a detection naming a class with at least this confidence never re-acquires a dormant
 *                             track of another class held with at least this confidence (default 0.7)
 * @param dormantHorizon       how long a dormant track may still be re-acquired after its last detection
 *                             (default 12 h)
 * @param reacquireSpeedMps    mean speed a dormant unit is assumed to wander at: its position uncertainty grows so
 *                             that the gate reaches this speed times the gap (default 1 m/s) …
 * @param reacquireMaxGateM    … but never beyond this radius, however long the gap (default 3 000 m): a unit seen
 *                             again farther away starts a new track rather than taking another one's identity
 * @param evidenceLimit        observation ids kept per track, most recent (default 50)
 */
public record TrackerConfig(double accelerationPsd, double gateProbability, double initialSpeedSigmaMps,
                            int confirmHits, Duration tentativeTimeout, double falseAlarmsPerKm2PerHour,
                            Duration maxCoast, double maxSpeedMps, double newObjectsPerKm2, double sideConflict, double classConflict,
                            Duration dormantHorizon, double reacquireSpeedMps, double reacquireMaxGateM,
                            int evidenceLimit) {
    public TrackerConfig {
        Objects.requireNonNull(tentativeTimeout, "tentativeTimeout");
        Objects.requireNonNull(maxCoast, "maxCoast");
        Objects.requireNonNull(dormantHorizon, "dormantHorizon");
        positive(accelerationPsd, "accelerationPsd");
        if (!(gateProbability > 0 && gateProbability < 1)) {
            throw new IllegalArgumentException("gateProbability must be in (0, 1), got " + gateProbability);
        }
        positive(initialSpeedSigmaMps, "initialSpeedSigmaMps");
        if (confirmHits < 1) throw new IllegalArgumentException("confirmHits must be >= 1, got " + confirmHits);
        positive(tentativeTimeout, "tentativeTimeout");
        positive(falseAlarmsPerKm2PerHour, "falseAlarmsPerKm2PerHour");
        positive(maxCoast, "maxCoast");
        positive(maxSpeedMps, "maxSpeedMps");
        positive(newObjectsPerKm2, "newObjectsPerKm2");
        if (!(sideConflict > 0.5 && sideConflict <= 1)) {
            throw new IllegalArgumentException("sideConflict must be in (0.5, 1], got " + sideConflict);
        }
        if (!(classConflict > 0.5 && classConflict <= 1)) {
            throw new IllegalArgumentException("classConflict must be in (0.5, 1], got " + classConflict);
        }
        if (dormantHorizon.isNegative()) {
            throw new IllegalArgumentException("dormantHorizon must be >= 0 (0: no re-acquisition), got " + dormantHorizon);
        }
        if (!(reacquireSpeedMps >= 0) || !Double.isFinite(reacquireSpeedMps)) {
            throw new IllegalArgumentException("reacquireSpeedMps must be >= 0, got " + reacquireSpeedMps);
        }
        if (!(reacquireMaxGateM >= 0) || !Double.isFinite(reacquireMaxGateM)) {
            throw new IllegalArgumentException("reacquireMaxGateM must be >= 0, got " + reacquireMaxGateM);
        }
        if (evidenceLimit < 1) throw new IllegalArgumentException("evidenceLimit must be >= 1, got " + evidenceLimit);
    }

    public static TrackerConfig defaults() {
        return new TrackerConfig(2.0, 0.999, 15, 3, Duration.ofMinutes(2), 1.0, Duration.ofMinutes(10), 8, 0.05, 0.8, 0.7,
                Duration.ofHours(12), 1.0, 3_000, 50);
    }

    /** The same settings with another re-acquisition policy; {@code Duration.ZERO} turns re-acquisition off. */
    public TrackerConfig withReacquisition(Duration horizon, double speedMps, double maxGateM) {
        return new TrackerConfig(accelerationPsd, gateProbability, initialSpeedSigmaMps, confirmHits, tentativeTimeout,
                falseAlarmsPerKm2PerHour, maxCoast, maxSpeedMps, newObjectsPerKm2, sideConflict, classConflict, horizon, speedMps,
                maxGateM, evidenceLimit);
    }

    /** The chi-square(2) gate on the squared Mahalanobis distance: the quantile of {@link #gateProbability}. */
    public double gate() {
        return -2 * Math.log1p(-gateProbability);
    }

    /**
     * The largest association cost {@code d^2 + ln det S} (S in m^2) a detection may have with a track: where the
     * innovation's likelihood equals the density of new objects, {@code -2 ln(2 pi newObjectsPerKm2 / 1e6)}.
     */
    public double maxAssociationCost() {
        return -2 * Math.log(2 * Math.PI * newObjectsPerKm2 / 1e6);
    }

    /** False-alarm density per square metre per second. */
    public double falseAlarmDensity() {
        return falseAlarmsPerKm2PerHour / 1e6 / 3600;
    }

    private static void positive(double v, String name) {
        if (!(v > 0) || !Double.isFinite(v)) throw new IllegalArgumentException(name + " must be > 0, got " + v);
    }

    private static void positive(Duration d, String name) {
        if (d.isNegative() || d.isZero()) throw new IllegalArgumentException(name + " must be positive, got " + d);
    }
}
