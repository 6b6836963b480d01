package org.truce.server.api;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.truce.ground.AssetId;
import org.truce.sensing.health.AssetStatus;
import org.truce.sensing.health.AssetStatusChange;

/**
 * The body of {@code GET /api/assets/{id}/health}: the asset's status now and its timeline of changes, oldest
 * first.
 *
 * @param monitored false when the server has no health source; the timeline is then empty and {@code note} says why
 */
public record AssetHealthReport(AssetId asset, boolean monitored, AssetStatus status, List<AssetStatusChange> timeline,
                                Optional<String> note) {
    public static final String UNMONITORED_NOTE = "no asset health source is configured on this server";

    public AssetHealthReport {
        Objects.requireNonNull(asset); Objects.requireNonNull(status); Objects.requireNonNull(note);
        timeline = List.copyOf(timeline);
    }
}
