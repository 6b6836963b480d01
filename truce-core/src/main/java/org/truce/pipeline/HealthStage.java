package org.truce.pipeline;

import org.truce.topology.Stage;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.truce.sensing.AcceptedObservation;
import org.truce.sensing.health.AssetHealthMonitor;
import org.truce.sensing.health.AssetStatusChange;
import org.truce.sensing.health.AssetStatus;
import org.truce.ground.AssetId;

/**
 * The asset-health stage: an {@link AssetHealthMonitor} fed every accepted observation at its acceptance instant,
 * emitting each asset's status changes (online, offline, probable interference, position anomaly). State is keyed by
 * asset.
 *
 * <p>{@link #process} first advances to the observation's acceptance instant, which the log records, so an asset
 * silent past its limit is declared offline before its next report brings it back whether or not a clock tick fell
 * in between: a replay of the log yields the same timeline as the live run. Link reports that are not observations
 * (a MAVLink heartbeat) are not in the log and do not pass this stage (docs/pipeline.md). Thread-safe: one writer (the
 * topology) and any number of readers of {@link #status} (the server).
 */
public final class HealthStage implements Stage<AssetHealthMonitor.Snapshot, AssetStatusChange> {
    /** This stage's name in a topology snapshot. */
    public static final String NAME = "health";

    private final AssetHealthMonitor monitor;

    public HealthStage(AssetHealthMonitor monitor) {
        this.monitor = Objects.requireNonNull(monitor, "monitor");
    }

    /** An asset's current status ({@link AssetStatus#UNKNOWN} when never heard). */
    public synchronized AssetStatus status(AssetId asset) {
        return monitor.status(asset);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public synchronized List<AssetStatusChange> process(AcceptedObservation observation) {
        List<AssetStatusChange> out = new ArrayList<>(monitor.advanceTo(observation.received()));
        out.addAll(monitor.observe(observation.observation(), observation.received()));
        return out;
    }

    @Override
    public synchronized List<AssetStatusChange> advanceTo(Instant now) {
        return monitor.advanceTo(now);
    }

    @Override
    public synchronized AssetHealthMonitor.Snapshot snapshot() {
        return monitor.snapshot();
    }

    @Override
    public synchronized void restore(AssetHealthMonitor.Snapshot snapshot) {
        monitor.restore(snapshot);
    }
}
