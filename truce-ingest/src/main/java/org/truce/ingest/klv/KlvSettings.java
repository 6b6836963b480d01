package org.truce.ingest.klv;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.truce.ground.AssetId;

/**
 * Tunables of the MISB KLV adapter.
 *
 * @param aliases              platform tail number or call sign → asset id, for platforms whose tail number is not
 *                             the asset id
 * @param defaultAsset         the asset a port is bound to when the metadata names no platform (one port per feed)
 * @param sensorCepM           CEP of the sensor position (default 10 m)
 * @param targetCepM           CEP of a VMTI target without a location sigma (default 30 m)
 * @param detectionProbability probability of detecting a vehicle inside the video footprint (default 0.8)
 */
public record KlvSettings(Map<String, AssetId> aliases, Optional<AssetId> defaultAsset, double sensorCepM,
                          double targetCepM, double detectionProbability) {
    public KlvSettings {
        aliases = Map.copyOf(aliases);
        Objects.requireNonNull(defaultAsset);
        if (!(sensorCepM >= 0) || !(targetCepM >= 0)) throw new IllegalArgumentException("CEPs must be >= 0");
        if (!(detectionProbability >= 0 && detectionProbability <= 1)) {
            throw new IllegalArgumentException("detectionProbability must be in [0, 1]");
        }
    }

    public static KlvSettings defaults() {
        return new KlvSettings(Map.of(), Optional.empty(), 10, 30, 0.8);
    }
}
