package org.truce.server.api;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.truce.sensing.health.AssetStatus;
import org.truce.sensing.health.AssetStatusChange;

/**
 * An asset's health as {@code /api/assets} shows it: the status now, and since when and why (absent while the
 * asset has never been heard from).
 */
public record HealthSummary(AssetStatus status, Optional<Instant> since, Optional<String> reason) {
    public HealthSummary {
        Objects.requireNonNull(status); Objects.requireNonNull(since); Objects.requireNonNull(reason);
    }

    /** The summary of a status and its timeline (the last change explains the status). */
    public static HealthSummary of(AssetStatus status, List<AssetStatusChange> timeline) {
        Optional<AssetStatusChange> last = timeline.isEmpty() ? Optional.empty() : Optional.of(timeline.getLast())
                .filter(c -> c.to() == status);
        return new HealthSummary(status, last.map(AssetStatusChange::time), last.map(AssetStatusChange::reason));
    }
}
