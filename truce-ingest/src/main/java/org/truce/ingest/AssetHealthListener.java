package org.truce.ingest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
import org.truce.store.AssetRegistry;

/**
 * Wires the adapter-neutral {@link AssetHealthMonitor} to the center: every accepted observation (whatever channel
 * it came through) and every link report from an adapter (a MAVLink heartbeat) feeds it; {@link #tick(Instant)}
 * (call it with the center clock, e.g. every second) declares silent assets offline. Keeps each asset's timeline
 * and tells subscribers about each change. Thread-safe (calls are serialised on this object).
 */
public final class AssetHealthListener implements CenterListener, LinkReports {
    private final AssetHealthMonitor monitor;
    private final Map<AssetId, List<AssetStatusChange>> timelines = new TreeMap<>();
    private final List<Consumer<AssetStatusChange>> subscribers = new CopyOnWriteArrayList<>();

    public AssetHealthListener(AssetRegistry assets) {
        this(AssetHealthMonitor.withDefaults(id -> assets.find(id).map(Asset::sensor)));
    }

    public AssetHealthListener(AssetHealthMonitor monitor) {
        this.monitor = Objects.requireNonNull(monitor);
    }

    /** Called with each change, on the thread that caused it; keep it quick. */
    public void subscribe(Consumer<AssetStatusChange> subscriber) {
        subscribers.add(Objects.requireNonNull(subscriber));
    }

    @Override
    public void on(CenterEvent event) {
        if (event instanceof CenterEvent.ObservationAccepted a) {
            List<AssetStatusChange> changes;
            synchronized (this) {
                changes = monitor.observe(a.observation().observation(), a.observation().received());
                record(changes);
            }
            publish(changes);
        }
    }

    @Override
    public void link(AssetId asset, Instant received, boolean impaired, String detail) {
        List<AssetStatusChange> changes;
        synchronized (this) {
            changes = monitor.link(asset, received, impaired, detail);
            record(changes);
        }
        publish(changes);
    }

    /**
     * A change derived elsewhere (the health stage of a simulated center's topology, whose monitor then holds the
     * statuses): kept in the timeline and told to subscribers, not logged, since a replay of the log repeats them all.
     */
    public void changed(AssetStatusChange change) {
        Objects.requireNonNull(change, "change");
        synchronized (this) {
            record(List.of(change));
        }
        for (Consumer<AssetStatusChange> s : subscribers) s.accept(change);
    }

    public void tick(Instant now) {
        List<AssetStatusChange> changes;
        synchronized (this) {
            changes = monitor.advanceTo(now);
            record(changes);
        }
        publish(changes);
    }

    public synchronized AssetStatus status(AssetId asset) {
        return monitor.status(asset);
    }

    /** The asset's changes so far, oldest first. */
    public synchronized List<AssetStatusChange> timeline(AssetId asset) {
        return List.copyOf(timelines.getOrDefault(asset, List.of()));
    }

    private void record(List<AssetStatusChange> changes) {
        for (AssetStatusChange c : changes) timelines.computeIfAbsent(c.asset(), k -> new ArrayList<>()).add(c);
    }

    private void publish(List<AssetStatusChange> changes) {
        for (AssetStatusChange c : changes) {
            System.getLogger(AssetHealthListener.class.getName()).log(System.Logger.Level.INFO,
                    "asset {0}: {1} → {2} ({3})", c.asset(), c.from(), c.to(), c.reason());
            for (Consumer<AssetStatusChange> s : subscribers) s.accept(c);
        }
    }
}
