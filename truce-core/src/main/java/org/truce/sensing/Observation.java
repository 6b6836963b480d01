package org.truce.sensing;

import org.truce.ground.ObjectClass;
import org.truce.ground.AssetId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.truce.ground.PartyId;
import org.truce.geo.GeoPoint;

/**
 * One sensor report, as accepted. Immutable: an accepted observation is a fact and is never edited.
 *
 * <p>All times are UTC instants of the measurement (not of reception). Every located observation
 * carries its horizontal uncertainty as a circular error probable in metres ({@code cepM}).
 */
public sealed interface Observation {
    AssetId asset();

    Instant time();

    /** Stable name of the variant, used in storage and APIs. */
    String kind();

    /** The asset's own position (drone telemetry, a staff beacon, a fixed sensor's heartbeat). */
    record PlatformFix(AssetId asset, Instant time, GeoPoint position, double altitudeM, double cepM,
                       double headingDeg, double speedMps) implements Observation {
        public PlatformFix {
            Objects.requireNonNull(asset); Objects.requireNonNull(time); Objects.requireNonNull(position);
            Checks.finite(altitudeM, "altitudeM");
            Checks.nonNegative(cepM, "cepM");
            Checks.finite(headingDeg, "headingDeg");
            Checks.nonNegative(speedMps, "speedMps");
        }
        public String kind() { return "fix"; }
    }

    /**
     * A ground object seen by a sensor.
     *
     * @param sensorTrackId the sensor's own label for the object (CoT uid, VMTI target id), if it keeps one
     * @param side          the party the object appears to belong to, if the sensor could tell
     * @param sideConfidence probability in [0, 1] that {@code side} is right (0 when empty)
     * @param count         how many objects of the class the detection stands for (a column, a group)
     * @param appearance    the object's re-identification descriptor, if the sensor's analytics computed one
     */
    record Detection(AssetId asset, Instant time, GeoPoint position, double cepM, ObjectClass objectClass,
                     double classConfidence, Optional<PartyId> side, double sideConfidence, int count,
                     Optional<String> sensorTrackId, Optional<Appearance> appearance) implements Observation {
        public Detection {
            Objects.requireNonNull(asset); Objects.requireNonNull(time); Objects.requireNonNull(position);
            Objects.requireNonNull(objectClass); Objects.requireNonNull(side); Objects.requireNonNull(sensorTrackId);
            Objects.requireNonNull(appearance);
            Checks.nonNegative(cepM, "cepM");
            Checks.probability(classConfidence, "classConfidence");
            Checks.probability(sideConfidence, "sideConfidence");
            if (count < 1) throw new IllegalArgumentException("count must be >= 1");
        }

        /** A detection without a re-identification descriptor (most sensors and protocols carry none). */
        public Detection(AssetId asset, Instant time, GeoPoint position, double cepM, ObjectClass objectClass,
                         double classConfidence, Optional<PartyId> side, double sideConfidence, int count,
                         Optional<String> sensorTrackId) {
            this(asset, time, position, cepM, objectClass, classConfidence, side, sideConfidence, count, sensorTrackId,
                    Optional.empty());
        }

        public String kind() { return "detection"; }
    }

    /**
     * A fire event heard or seen. Either located ({@code position} with {@code cepM}), a bearing from the sensor
     * ({@code bearingDeg}, {@code rangeMinM}..{@code rangeMaxM}), as observers report "3–6 km south-east", or, from an
     * acoustic array, only the time the sound arrived at the sensor ({@code time} with {@code sensorPosition}): the
     * center locates such arrivals from several arrays by their time differences.
     *
     * @param position    estimated place of the event, if the sensor located it
     * @param bearingDeg  true bearing from the sensor to the event, if measured
     */
    record FireCue(AssetId asset, Instant time, FireKind fireKind, Optional<GeoPoint> position, double cepM,
                   Optional<Double> bearingDeg, double bearingSigmaDeg, double rangeMinM, double rangeMaxM,
                   Optional<GeoPoint> sensorPosition) implements Observation {
        public FireCue {
            Objects.requireNonNull(asset); Objects.requireNonNull(time); Objects.requireNonNull(fireKind);
            Objects.requireNonNull(position); Objects.requireNonNull(bearingDeg); Objects.requireNonNull(sensorPosition);
            Checks.nonNegative(cepM, "cepM");
            Checks.nonNegative(bearingSigmaDeg, "bearingSigmaDeg");
            Checks.nonNegative(rangeMinM, "rangeMinM");
            Checks.nonNegative(rangeMaxM, "rangeMaxM");
            if (rangeMaxM < rangeMinM) throw new IllegalArgumentException("rangeMaxM < rangeMinM");
            if (position.isEmpty() && bearingDeg.isEmpty() && sensorPosition.isEmpty()) {
                throw new IllegalArgumentException(
                        "a fire cue needs a position, a bearing, or the sensor position (an arrival time)");
            }
            bearingDeg.ifPresent(b -> Checks.finite(b, "bearingDeg"));
        }
        public String kind() { return "fire"; }
    }

    /**
     * The ground area a sensor was watching at {@code time}, with the probability of detecting a vehicle in it.
     *
     * @param ring closed ring of the footprint polygon, first point repeated last
     */
    record Footprint(AssetId asset, Instant time, List<GeoPoint> ring, double detectionProbability) implements Observation {
        public Footprint {
            Objects.requireNonNull(asset); Objects.requireNonNull(time);
            ring = List.copyOf(ring);
            if (ring.size() < 4 || !ring.getFirst().equals(ring.getLast())) {
                throw new IllegalArgumentException("footprint ring needs at least 4 points, closed");
            }
            Checks.probability(detectionProbability, "detectionProbability");
        }
        public String kind() { return "footprint"; }
    }
}
