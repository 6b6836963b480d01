package org.truce.server.health;

import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import org.truce.ground.AssetId;
import org.truce.sensing.health.AssetStatus;
import org.truce.sensing.health.AssetStatusChange;

/**
 * What the server needs from an asset health source (the ingest module's health listener, which feeds a
 * {@link org.truce.sensing.health.AssetHealthMonitor}): the current status, the timeline so far, and a way to hear
 * of changes. Implementations must be thread-safe: the server reads from request threads while the pipeline
 * writes.
 */
public interface AssetHealthView {
    /** The asset's status now ({@link AssetStatus#UNKNOWN} when never heard from). */
    AssetStatus status(AssetId asset);

    /** The asset's status changes so far, oldest first; empty when never heard from. */
    List<AssetStatusChange> timeline(AssetId asset);

    /**
     * Registers {@code subscriber} to be called with each status change, on the thread that caused it; the server
     * only queues the change for its live clients there. A source that cannot notify may do nothing: the server
     * then serves the status and timeline without the live {@code health} event.
     */
    void subscribe(Consumer<AssetStatusChange> subscriber);

    /**
     * A view made of three functions, so a source that has these methods but does not implement this interface
     * (the ingest module's health listener) is wired with {@code AssetHealthView.of(h::status, h::timeline,
     * h::subscribe)}.
     */
    static AssetHealthView of(Function<AssetId, AssetStatus> status,
                              Function<AssetId, List<AssetStatusChange>> timeline,
                              Consumer<Consumer<AssetStatusChange>> subscribe) {
        Objects.requireNonNull(status); Objects.requireNonNull(timeline); Objects.requireNonNull(subscribe);
        return new AssetHealthView() {
            @Override
            public AssetStatus status(AssetId asset) {
                return status.apply(asset);
            }

            @Override
            public List<AssetStatusChange> timeline(AssetId asset) {
                return timeline.apply(asset);
            }

            @Override
            public void subscribe(Consumer<AssetStatusChange> subscriber) {
                subscribe.accept(subscriber);
            }
        };
    }
}
