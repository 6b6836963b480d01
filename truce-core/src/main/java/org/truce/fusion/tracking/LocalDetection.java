package org.truce.fusion.tracking;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.locationtech.jts.geom.Coordinate;
import org.truce.ground.PartyId;
import org.truce.geo.LocalProjection;
import org.truce.sensing.Appearance;
import org.truce.sensing.Observation;
import org.truce.ground.uncertainty.Covariance2;
import org.truce.ground.ObjectClass;

/**
 * A detection already projected into the tracker's local metric frame (x east, y north, metres). The caller converts
 * {@link org.truce.sensing.Observation.Detection} with {@link org.truce.geo.LocalProjection}. Immutable.
 *
 * @param id             the observation's id, kept as evidence (e.g. {@code OBS-42})
 * @param asset          the reporting asset's id; detections of one asset in one scan are associated together
 * @param covariance     measurement noise; from a CEP, sigma = CEP / 1.1774
 * @param classConfidence probability in [0, 1] that {@code objectClass} is right (ignored for UNKNOWN)
 * @param side           party the object appears to belong to, if the sensor could tell
 * @param sideConfidence probability in [0, 1] that {@code side} is right
 * @param count          number of objects the detection stands for, >= 1
 * @param appearance     the object's re-identification descriptor, if the sensor computed one
 */
public record LocalDetection(String id, String asset, Instant time, double x, double y, Covariance2 covariance,
                             ObjectClass objectClass, double classConfidence, Optional<PartyId> side,
                             double sideConfidence, int count, Optional<Appearance> appearance) {
    /** A detection without a re-identification descriptor. */
    public LocalDetection(String id, String asset, Instant time, double x, double y, Covariance2 covariance,
                          ObjectClass objectClass, double classConfidence, Optional<PartyId> side,
                          double sideConfidence, int count) {
        this(id, asset, time, x, y, covariance, objectClass, classConfidence, side, sideConfidence, count,
                Optional.empty());
    }

    public LocalDetection {
        Objects.requireNonNull(appearance, "appearance");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(asset, "asset");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(covariance, "covariance");
        Objects.requireNonNull(objectClass, "objectClass");
        Objects.requireNonNull(side, "side");
        if (!Double.isFinite(x) || !Double.isFinite(y)) {
            throw new IllegalArgumentException("detection " + id + ": position must be finite");
        }
        if (!(covariance.determinant() > 0)) {
            throw new IllegalArgumentException("detection " + id + ": covariance must be positive definite (CEP > 0)");
        }
        if (!(classConfidence >= 0 && classConfidence <= 1) || !(sideConfidence >= 0 && sideConfidence <= 1)) {
            throw new IllegalArgumentException("detection " + id + ": confidences must be in [0, 1]");
        }
        if (count < 1) {
            throw new IllegalArgumentException("detection " + id + ": count must be >= 1");
        }
    }

    /** A detection whose uncertainty is a circular error probable in metres. */
    public static LocalDetection withCep(String id, String asset, Instant time, double x, double y, double cepM,
                                         ObjectClass objectClass, double classConfidence, Optional<PartyId> side,
                                         double sideConfidence, int count) {
        return new LocalDetection(id, asset, time, x, y, Covariance2.fromCep(cepM), objectClass, classConfidence,
                side, sideConfidence, count);
    }

    /**
     * A detection observation in the local frame of {@code projection}: position projected, sigma from its CEP.
     *
     * @param id the accepted observation's id ({@code OBS-<seq>})
     * @throws IllegalArgumentException if the detection's CEP is 0 (no usable uncertainty)
     */
    public static LocalDetection from(String id, Observation.Detection d, LocalProjection projection) {
        Coordinate c = projection.toLocal(d.position());
        return new LocalDetection(id, d.asset().value(), d.time(), c.x, c.y, Covariance2.fromCep(d.cepM()),
                d.objectClass(), d.classConfidence(), d.side(), d.sideConfidence(), d.count(), d.appearance());
    }

    /** An unclassified detection of one object with no side, for position-only sensors. */
    public static LocalDetection unclassified(String id, String asset, Instant time, double x, double y, double cepM) {
        return withCep(id, asset, time, x, y, cepM, ObjectClass.UNKNOWN, 0, Optional.empty(), 0, 1);
    }
}
