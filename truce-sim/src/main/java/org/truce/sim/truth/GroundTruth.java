package org.truce.sim.truth;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Everything that really happened in a simulated run: entity positions, fire, violations, outages. Immutable;
 * serialisable with {@code TruceJson}.
 *
 * @param durationSeconds simulated time covered
 */
public record GroundTruth(long seed, Instant start, long durationSeconds, List<EntityTruth> entities,
                          List<FireEvent> fires, List<TruthViolation> violations, List<AssetOutage> outages) {
    public GroundTruth {
        Objects.requireNonNull(start);
        entities = List.copyOf(entities);
        fires = List.copyOf(fires);
        violations = List.copyOf(violations);
        outages = List.copyOf(outages);
    }

    public List<TruthViolation> observable() {
        return violations.stream().filter(TruthViolation::observable).toList();
    }
}
