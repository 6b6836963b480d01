package org.truce.fusion.locate;

import java.util.Optional;
import org.locationtech.jts.geom.Coordinate;
import org.truce.ground.uncertainty.Covariance2;
import org.truce.geo.LocalProjection;
import org.truce.sensing.Observation;

/**
 * Turns accepted {@link Observation.FireCue}s into {@link Cue}s in a local metric frame. Stateless, thread-safe.
 */
public final class FireCues {
    /** Bearing sigma used when a report gives none (0): observers' bearings are rarely better than this. */
    public static final double DEFAULT_BEARING_SIGMA_DEG = 2.0;

    private FireCues() {
    }

    /**
     * The sighting cue of one fire cue: a {@link Cue.Fix} when it carries a position (sigma from its CEP; a CEP of 0
     * is refused), otherwise a {@link Cue.Bearing} when it carries a bearing and the sensor's position, with its
     * distance band when {@code rangeMaxM > rangeMinM}. A bearing without a sensor position cannot be used: empty.
     * The report's true bearing is turned into a bearing in the local frame with the projection's grid convergence
     * at the sensor ({@link LocalProjection#convergenceDeg}), since the locator measures angles in that frame.
     *
     * @param id the accepted observation's id ({@code OBS-<seq>})
     * @throws IllegalArgumentException if a position comes with a CEP of 0
     */
    public static Optional<Cue> sighting(String id, Observation.FireCue f, LocalProjection projection) {
        String asset = f.asset().value();
        if (f.position().isPresent()) {
            if (!(f.cepM() > 0)) {
                throw new IllegalArgumentException("fire cue " + id + ": a located cue needs cepM > 0");
            }
            Coordinate c = projection.toLocal(f.position().get());
            return Optional.of(new Cue.Fix(id, asset, f.time(), c.x, c.y, Covariance2.fromCep(f.cepM())));
        }
        if (f.bearingDeg().isPresent() && f.sensorPosition().isPresent()) {
            Coordinate s = projection.toLocal(f.sensorPosition().get());
            double sigma = f.bearingSigmaDeg() > 0 ? f.bearingSigmaDeg() : DEFAULT_BEARING_SIGMA_DEG;
            Optional<Cue.RangeBand> band = f.rangeMaxM() > f.rangeMinM()
                    ? Optional.of(new Cue.RangeBand(f.rangeMinM(), f.rangeMaxM()))
                    : Optional.empty();
            double grid = f.bearingDeg().get() + projection.convergenceDeg(f.sensorPosition().get());
            return Optional.of(new Cue.Bearing(id, asset, f.time(), s.x, s.y, grid, Math.min(sigma, 89), band));
        }
        return Optional.empty();
    }

    /**
     * An acoustic array's fire cue read as the time the sound arrived at the array ({@code f.time()}), for location
     * by time differences of arrival. Only the caller knows (from the asset registry and the adapter) that the cue's
     * time is an arrival time rather than an event time, so this is a separate, explicit choice.
     *
     * @param sigmaSeconds the array's timing error, 1-sigma, > 0
     * @return empty when the cue has no sensor position
     */
    public static Optional<Cue> arrival(String id, Observation.FireCue f, LocalProjection projection,
                                        double sigmaSeconds) {
        return f.sensorPosition().map(p -> {
            Coordinate s = projection.toLocal(p);
            return new Cue.Arrival(id, f.asset().value(), f.time(), s.x, s.y, sigmaSeconds);
        });
    }
}
