package org.truce.ingest.mavlink;

import java.time.Duration;
import java.util.Objects;

/**
 * Tunables of the MAVLink adapter.
 *
 * @param fixCepM              CEP in metres given to GLOBAL_POSITION_INT fixes, which carry no accuracy (default 5 m,
 *                             a GNSS fix without RTK)
 * @param footprintInterval    at most one footprint per drone per interval from the telemetry stream (default 1 s);
 *                             CAMERA_IMAGE_CAPTURED always yields one
 * @param detectionProbability probability of detecting a vehicle inside a drone camera footprint (default 0.8)
 */
public record MavlinkSettings(double fixCepM, Duration footprintInterval, double detectionProbability) {
    public MavlinkSettings {
        if (!(fixCepM >= 0)) throw new IllegalArgumentException("fixCepM must be >= 0");
        Objects.requireNonNull(footprintInterval);
        if (!(detectionProbability >= 0 && detectionProbability <= 1)) {
            throw new IllegalArgumentException("detectionProbability must be in [0, 1]");
        }
    }

    public static MavlinkSettings defaults() {
        return new MavlinkSettings(5, Duration.ofSeconds(1), 0.8);
    }
}
