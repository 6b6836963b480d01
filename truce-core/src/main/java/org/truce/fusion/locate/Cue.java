package org.truce.fusion.locate;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.truce.ground.uncertainty.Covariance2;

/**
 * One sensor's report about a fire event, in a local metric frame (x east, y north, metres). The caller builds cues
 * from {@link org.truce.sensing.Observation.FireCue}s with {@link org.truce.geo.LocalProjection}. Immutable.
 */
public sealed interface Cue {
    /** The observation's id, kept as evidence. */
    String id();

    /** The reporting asset. */
    String asset();

    /** Time of the measurement: the sound's arrival for an acoustic sensor, the sighting for the others. */
    Instant time();

    /**
     * The time a sound arrived at an acoustic sensor. Arrivals of one event at three or more sensors locate it by
     * time differences of arrival (the emission time is unknown and estimated).
     *
     * @param sigmaSeconds 1-sigma timing error, > 0
     */
    record Arrival(String id, String asset, Instant time, double sensorX, double sensorY, double sigmaSeconds)
            implements Cue {
        public Arrival {
            requireIds(id, asset, time);
            finite(id, sensorX, sensorY);
            if (!(sigmaSeconds > 0) || !Double.isFinite(sigmaSeconds)) {
                throw new IllegalArgumentException("cue " + id + ": sigmaSeconds must be > 0, got " + sigmaSeconds);
            }
        }
    }

    /**
     * A bearing from a sensor (a drone's camera, a fixed camera, an observation post), optionally with the distance
     * band the observer gave ("3–6 km").
     *
     * @param bearingDeg bearing from the sensor to the event in the local frame (grid north), degrees clockwise;
     *                   {@link FireCues#sighting} converts a report's true bearing
     * @param sigmaDeg   1-sigma bearing error in degrees, > 0
     * @param range      the distance band, if reported
     */
    record Bearing(String id, String asset, Instant time, double sensorX, double sensorY, double bearingDeg,
                   double sigmaDeg, Optional<RangeBand> range) implements Cue {
        public Bearing {
            requireIds(id, asset, time);
            Objects.requireNonNull(range, "range");
            finite(id, sensorX, sensorY);
            finite(id, bearingDeg, 0);
            if (!(sigmaDeg > 0) || !(sigmaDeg < 90)) {
                throw new IllegalArgumentException("cue " + id + ": sigmaDeg must be in (0, 90), got " + sigmaDeg);
            }
        }
    }

    /**
     * An event the sensor located itself (a radar, a drone's laser range finder), with its covariance.
     */
    record Fix(String id, String asset, Instant time, double x, double y, Covariance2 covariance) implements Cue {
        public Fix {
            requireIds(id, asset, time);
            Objects.requireNonNull(covariance, "covariance");
            finite(id, x, y);
            if (!(covariance.determinant() > 0)) {
                throw new IllegalArgumentException("cue " + id + ": covariance must be positive definite");
            }
        }
    }

    /**
     * A reported distance band from the sensor, metres; {@code 0 <= minM < maxM}. Treated as uniform over the band:
     * mean at the middle, sigma = width / sqrt(12).
     */
    record RangeBand(double minM, double maxM) {
        public RangeBand {
            if (!(minM >= 0 && maxM > minM) || !Double.isFinite(maxM)) {
                throw new IllegalArgumentException("range band needs 0 <= minM < maxM, got " + minM + ".." + maxM);
            }
        }

        public double midM() {
            return 0.5 * (minM + maxM);
        }

        public double sigmaM() {
            return (maxM - minM) / Math.sqrt(12);
        }
    }

    private static void requireIds(String id, String asset, Instant time) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(asset, "asset");
        Objects.requireNonNull(time, "time");
    }

    private static void finite(String id, double a, double b) {
        if (!Double.isFinite(a) || !Double.isFinite(b)) {
            throw new IllegalArgumentException("cue " + id + ": coordinates must be finite");
        }
    }
}
