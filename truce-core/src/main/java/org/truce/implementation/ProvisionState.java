package org.truce.implementation;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.truce.ground.ProvisionId;

/**
 * A provision's status at one instant, with its obligations'. Immutable.
 *
 * @param asOf    the instant the status is computed for
 * @param change  the latest change (status, reason or evidence); empty while PENDING before the provision's first
 *                version
 * @param since   when the current status began: the first of the trailing changes with this status
 * @param version the version in force at {@code asOf}, if any
 */
public record ProvisionState(ProvisionId id, String title, boolean tracked, Instant asOf, ProvisionStatus status,
                             Optional<StatusChange> change, Optional<Instant> since, Optional<Integer> version,
                             List<ObligationState> obligations) {
    public ProvisionState {
        Objects.requireNonNull(id); Objects.requireNonNull(title); Objects.requireNonNull(asOf);
        Objects.requireNonNull(status); Objects.requireNonNull(change); Objects.requireNonNull(since);
        Objects.requireNonNull(version);
        obligations = List.copyOf(obligations);
    }
}
