package org.truce.sim.truth;

import java.time.Instant;
import java.util.Objects;
import org.truce.ground.PartyId;
import org.truce.geo.GeoPoint;
import org.truce.sensing.FireKind;

/** One shot's launch or impact, as it happened. {@code violation} is the id of the fire violation it belongs to. */
public record FireEvent(Instant time, FireKind kind, GeoPoint position, PartyId party, String violation) {
    public FireEvent {
        Objects.requireNonNull(time); Objects.requireNonNull(kind); Objects.requireNonNull(position);
        Objects.requireNonNull(party); Objects.requireNonNull(violation);
    }
}
