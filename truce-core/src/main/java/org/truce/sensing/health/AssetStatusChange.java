package org.truce.sensing.health;

import java.time.Instant;
import java.util.Objects;
import org.truce.ground.AssetId;

/**
 * One step of an asset's status timeline.
 *
 * @param time   when the change took effect (UTC): the report's time, or the instant the silence crossed the limit
 * @param reason why, readable (e.g. {@code "silent for 30 s (3 × heartbeat 10 s)"})
 */
public record AssetStatusChange(AssetId asset, Instant time, AssetStatus from, AssetStatus to, String reason) {
    public AssetStatusChange {
        Objects.requireNonNull(asset); Objects.requireNonNull(time); Objects.requireNonNull(from);
        Objects.requireNonNull(to); Objects.requireNonNull(reason);
        if (from == to) throw new IllegalArgumentException("a status change needs two different states");
    }
}
