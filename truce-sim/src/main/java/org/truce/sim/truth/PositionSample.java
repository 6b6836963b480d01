package org.truce.sim.truth;

import java.time.Instant;
import java.util.Objects;
import org.truce.geo.GeoPoint;

/** Where an entity really was at {@code time}. */
public record PositionSample(Instant time, GeoPoint position) {
    public PositionSample {
        Objects.requireNonNull(time); Objects.requireNonNull(position);
    }
}
