package org.truce.server;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.truce.pipeline.CenterEvent;
import org.truce.pipeline.CenterListener;
import org.truce.sensing.Asset;
import org.truce.ground.AssetId;
import org.truce.sensing.health.AssetHealthMonitor;
import org.truce.sensing.health.AssetStatus;
import org.truce.sensing.health.AssetStatusChange;
import org.truce.server.health.AssetHealthView;
import org.truce.store.AssetRegistry;

/**
 * A health source for the tests, shaped like the ingest module's listener: the real {@link AssetHealthMonitor} fed
 * by the center's accepted observations, with a timeline per asset and subscribers.
 */
final class TestHealth implements AssetHealthView, CenterListener {
    private final AssetHealthMonitor monitor;
    private final Map<String, List<AssetStatusChange>> timelines = new TreeMap<>();
    private final List<Consumer<AssetStatusChange>> subscribers = new CopyOnWriteArrayList<>();

    TestHealth(AssetRegistry assets) {
        monitor = AssetHealthMonitor.withDefaults(id -> assets.find(id).map(Asset::sensor));
    }

    @Override
    public void on(CenterEvent event) {
        if (event instanceof CenterEvent.ObservationAccepted a) {
            List<AssetStatusChange> changes;
            synchronized (this) {
                changes = record(monitor.observe(a.observation().observation(), a.observation().received()));
            }
            changes.forEach(c -> subscribers.forEach(s -> s.accept(c)));
        }
    }

    void tick(Instant now) {
        List<AssetStatusChange> changes;
        synchronized (this) {
            changes = record(monitor.advanceTo(now));
        }
        changes.forEach(c -> subscribers.forEach(s -> s.accept(c)));
    }

    private List<AssetStatusChange> record(List<AssetStatusChange> changes) {
        changes.forEach(c -> timelines.computeIfAbsent(c.asset().value(), k -> new ArrayList<>()).add(c));
        return changes;
    }

    @Override
    public synchronized AssetStatus status(AssetId asset) {
        return monitor.status(asset);
    }

    @Override
    public synchronized List<AssetStatusChange> timeline(AssetId asset) {
        return List.copyOf(timelines.getOrDefault(asset.value(), List.of()));
    }

    @Override
    public void subscribe(Consumer<AssetStatusChange> subscriber) {
        subscribers.add(subscriber);
    }
}
