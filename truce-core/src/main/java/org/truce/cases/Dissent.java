package org.truce.cases;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.truce.ground.ContingentId;

/**
 * Reconciliation ended without agreement: every contingent's position is published side by side, in contingent
 * order, none above the other. Immutable.
 *
 * @param recordedBy the contingent that ended reconciliation
 */
public record Dissent(List<Position> positions, ContingentId recordedBy, Instant recorded) implements Outcome {
    public Dissent {
        positions = List.copyOf(positions);
        Objects.requireNonNull(recordedBy); Objects.requireNonNull(recorded);
    }

    /**
     * One contingent's position.
     *
     * @param assessment its assessment, empty when it was recorded MISSING
     * @param statement  its last word in reconciliation (empty string when it said nothing)
     */
    public record Position(ContingentId contingent, Optional<Assessment> assessment, String statement) {
        public Position {
            Objects.requireNonNull(contingent); Objects.requireNonNull(assessment); Objects.requireNonNull(statement);
        }
    }
}
