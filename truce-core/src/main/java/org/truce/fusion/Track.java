package org.truce.fusion;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.truce.ground.PartyId;
import org.truce.geo.GeoPoint;
import org.truce.ground.ObjectClass;

/**
 * A fused ground object at one moment: the tracker's current estimate. A new estimate is a new record.
 *
 * @param id             stable id, {@code TRK-<n>}
 * @param sigmaM         1-sigma horizontal position uncertainty in metres (circular)
 * @param velocityEastMps  estimated velocity east, m/s
 * @param velocityNorthMps estimated velocity north, m/s
 * @param side           estimated party, empty when undetermined
 * @param sideConfidence probability in [0,1] that {@code side} is right
 * @param size           estimated number of objects the track stands for
 * @param evidence       ids of the observations that built the track (most recent last, bounded)
 */
public record Track(String id, Instant firstSeen, Instant time, GeoPoint position, double sigmaM,
                    double velocityEastMps, double velocityNorthMps, ObjectClass objectClass, double classConfidence,
                    Optional<PartyId> side, double sideConfidence, int size, TrackStatus status, int hits,
                    List<String> evidence) {
    public Track {
        Objects.requireNonNull(id); Objects.requireNonNull(firstSeen); Objects.requireNonNull(time);
        Objects.requireNonNull(position); Objects.requireNonNull(objectClass); Objects.requireNonNull(side);
        Objects.requireNonNull(status);
        evidence = List.copyOf(evidence);
    }
}
