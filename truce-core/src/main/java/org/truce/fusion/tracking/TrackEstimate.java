package org.truce.fusion.tracking;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.locationtech.jts.geom.Coordinate;
import org.truce.agreement.PartyId;
import org.truce.fusion.Track;
import org.truce.geo.GeoPoint;
import org.truce.geo.LocalProjection;
import org.truce.fusion.TrackStatus;
import org.truce.fusion.uncertainty.PositionEstimate;
import org.truce.sensing.ObjectClass;

/**
 * One track's estimate after a scan, in the local metric frame. Immutable; a later scan gives a new record.
 *
 * @param id              stable id, {@code <prefix><n>} numbered in creation order
 * @param status          TENTATIVE until M-of-N confirmed; DELETED is reported once, on the scan that deleted it
 * @param firstSeen       time of the detection that started the track
 * @param time            time of this estimate (the scan time)
 * @param lastUpdate      time of the last detection assigned to the track
 * @param x               east, m
 * @param y               north, m
 * @param vx              velocity east, m/s
 * @param vy              velocity north, m/s
 * @param covariance      state covariance of (x, y, vx, vy)
 * @param objectClass     most probable class, UNKNOWN while no detection classified it
 * @param classConfidence posterior probability of {@code objectClass} from log-odds fusion
 * @param side            most probable party, empty while undetermined (posterior at most 0.5)
 * @param sideConfidence  posterior probability of {@code side}
 * @param size            objects the track stands for (count of its latest detection)
 * @param hits            detections assigned so far
 * @param misses          consecutive scans without a detection
 * @param evidence        ids of the recent detections, oldest first
 */
public record TrackEstimate(String id, TrackStatus status, Instant firstSeen, Instant time, Instant lastUpdate,
                            double x, double y, double vx, double vy, StateCovariance covariance,
                            ObjectClass objectClass, double classConfidence, Optional<PartyId> side,
                            double sideConfidence, int size, int hits, int misses, List<String> evidence) {
    public TrackEstimate {
        Objects.requireNonNull(id);
        Objects.requireNonNull(status);
        Objects.requireNonNull(firstSeen);
        Objects.requireNonNull(time);
        Objects.requireNonNull(lastUpdate);
        Objects.requireNonNull(covariance);
        Objects.requireNonNull(objectClass);
        Objects.requireNonNull(side);
        evidence = List.copyOf(evidence);
    }

    /** Position with its 2x2 covariance, for the rules' place probabilities. */
    public PositionEstimate position() {
        return new PositionEstimate(x, y, covariance.position());
    }

    /**
     * The estimate as the domain's {@link Track}, its position back in WGS 84 through {@code projection} (the one the
     * detections were projected with).
     */
    public Track toTrack(LocalProjection projection) {
        GeoPoint where = projection.toGeo(new Coordinate(x, y));
        return new Track(id, firstSeen, time, where, sigmaM(), vx, vy, objectClass, classConfidence, side,
                sideConfidence, size, status, hits, evidence);
    }

    /** Circular 1-sigma position uncertainty, sqrt((Pxx + Pyy) / 2), as {@link org.truce.fusion.Track#sigmaM()}. */
    public double sigmaM() {
        return covariance.position().sigmaM();
    }
}
