package org.truce.implementation;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.truce.ground.ProvisionId;

/**
 * A provision's status history up to {@link #asOf()}: the provision-level changes (the most severe obligation's
 * status, see {@link ProvisionStatus#severity()}), each obligation's own history, and the versions. Immutable.
 *
 * @param changes     provision-level changes in time order, none after {@code asOf}
 * @param obligations one per rule id the provision has carried in any version, in first-appearance order
 */
public record ProvisionTimeline(ProvisionId id, String title, boolean tracked, Instant asOf,
                                List<VersionView> versions, List<ObligationTimeline> obligations,
                                List<StatusChange> changes) {
    public ProvisionTimeline {
        Objects.requireNonNull(id); Objects.requireNonNull(title); Objects.requireNonNull(asOf);
        versions = List.copyOf(versions);
        obligations = List.copyOf(obligations);
        changes = List.copyOf(changes);
    }

    /** The provision-level change in effect at {@code t} (t ≤ asOf); empty before the first. */
    public Optional<StatusChange> changeAt(Instant t) {
        return Timelines.lastAtOrBefore(changes, t);
    }

    /** The status at {@code asOf}. */
    public ProvisionStatus status() {
        return changeAt(asOf).map(StatusChange::status).orElse(ProvisionStatus.PENDING);
    }
}
