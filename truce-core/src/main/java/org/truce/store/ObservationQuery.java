package org.truce.store;

import java.time.Instant;
import java.util.Optional;
import org.truce.ground.AssetId;

/**
 * Filters for the accepted-input log; every filter is optional. Time filters apply to the observation's
 * measurement time, [from, to). Results are ordered by sequence number.
 */
public record ObservationQuery(Optional<AssetId> asset, Optional<String> kind, Optional<Instant> from,
                               Optional<Instant> to, int offset, int limit) {
    public ObservationQuery {
        if (offset < 0) throw new IllegalArgumentException("offset must be >= 0");
        if (limit < 1 || limit > 10_000) throw new IllegalArgumentException("limit must be in 1..10000");
    }
}
