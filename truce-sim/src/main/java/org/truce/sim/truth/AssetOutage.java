package org.truce.sim.truth;

import java.time.Instant;
import java.util.Objects;
import org.truce.ground.AssetId;

/** A window in which an asset reported nothing. */
public record AssetOutage(AssetId asset, Instant start, Instant end) {
    public AssetOutage {
        Objects.requireNonNull(asset); Objects.requireNonNull(start); Objects.requireNonNull(end);
    }
}
