package org.truce.store;

import java.time.Instant;
import java.util.Optional;
import org.truce.ground.PartyId;
import org.truce.ground.ProvisionId;
import org.truce.ground.ZoneId;
import org.truce.rules.IncidentState;

/**
 * Filters for incidents; every filter is optional. Time filters select incidents whose
 * interval [start, end] overlaps [from, to). Results are ordered by start, then id.
 */
public record IncidentQuery(Optional<Instant> from, Optional<Instant> to, Optional<String> ruleType,
                            Optional<ZoneId> zone, Optional<PartyId> party, Optional<ProvisionId> provision,
                            Optional<IncidentState> state, int offset, int limit) {
    public IncidentQuery {
        if (offset < 0) throw new IllegalArgumentException("offset must be >= 0");
        if (limit < 1 || limit > 10_000) throw new IllegalArgumentException("limit must be in 1..10000");
    }

    public static IncidentQuery all() {
        return new IncidentQuery(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), 0, 10_000);
    }
}
