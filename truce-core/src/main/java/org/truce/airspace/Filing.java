package org.truce.airspace;

import java.time.Instant;
import java.util.Objects;
import org.truce.ground.AssetId;

/**
 * What a contingent files for one sortie, before the desk checks it and gives it an id: see {@link FlightPlan} for
 * the meaning and units of each field. Immutable; checks only for nulls (the desk checks the rest).
 */
public record Filing(AssetId asset, FlightPath path, Instant from, Instant to, double minAltitudeM,
                     double maxAltitudeM, String purpose, String notes) {
    public Filing {
        Objects.requireNonNull(asset, "asset");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(notes, "notes");
    }
}
