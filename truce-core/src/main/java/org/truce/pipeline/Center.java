package org.truce.pipeline;

import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.truce.agreement.Agreement;
import org.truce.sensing.AcceptedObservation;
import org.truce.sensing.Asset;
import org.truce.sensing.Observation;
import org.truce.store.Store;
import org.truce.time.SensorClock;

/**
 * The monitoring center's pipeline: the one {@link IngestPort} every adapter and the simulator use.
 *
 * <p>An observation is checked (registered asset, plausible time), appended to the accepted-input log
 * (durable before {@link #accept} returns), then processed into tracks and incidents, which are written to the
 * store and published to listeners. Calls are serialised: the pipeline is deterministic for a given log order.
 * Time comes only from the injected {@link InstantSource}; a {@link SensorClock} is moved by each accepted
 * observation (its skew bounds measured from the sensor time), so such a center lives in its sensors' time.
 */
public final class Center implements IngestPort {
    private final Agreement agreement;
    private final Store store;
    private final InstantSource clock;
    private final CenterConfig config;
    private final Processor processor;
    private final List<CenterListener> listeners = new CopyOnWriteArrayList<>();
    private final RejectionCounter rejections = new RejectionCounter();

    private Center(Builder b) {
        this.agreement = Objects.requireNonNull(b.agreement, "agreement");
        this.store = Objects.requireNonNull(b.store, "store");
        this.clock = Objects.requireNonNull(b.clock, "clock");
        this.config = Objects.requireNonNull(b.config, "config");
        this.processor = b.processor != null ? b.processor.apply(this)
                : new RulePipeline(agreement, config, id -> store.assets().find(id));
    }

    public static Builder builder(Agreement agreement) {
        return new Builder(agreement);
    }

    public Agreement agreement() { return agreement; }

    public Store store() { return store; }

    public InstantSource clock() { return clock; }

    public CenterConfig config() { return config; }

    /** Rejections so far, by channel and reason (for the metrics endpoint). */
    public RejectionCounter rejections() { return rejections; }

    public void addListener(CenterListener listener) {
        listeners.add(Objects.requireNonNull(listener));
    }

    public void removeListener(CenterListener listener) {
        listeners.remove(listener);
    }

    @Override
    public synchronized Acceptance accept(String channel, Observation observation) {
        Objects.requireNonNull(channel, "channel");
        if (observation == null) {
            return rejections.reject(channel, new Acceptance.Rejected("empty", "no observation"));
        }
        var asset = store.assets().find(observation.asset());
        if (asset.isEmpty()) {
            return rejections.reject(channel, new Acceptance.Rejected("unknown-asset",
                    "asset " + observation.asset() + " is not registered"));
        }
        Instant t = observation.time();
        if (clock instanceof SensorClock sensors) {
            // The center's time is its sensors' time: check the bounds against it, then let the observation move it,
            // so the log records the same acceptance instants whenever the same reports arrive in the same order.
            var refusal = sensors.outOfBounds(t, config.maxPastSkew());
            if (refusal.isPresent()) {
                return rejections.reject(channel, new Acceptance.Rejected(refusal.get().reason(), refusal.get().detail()));
            }
            sensors.advanceTo(t);
        }
        Instant now = clock.instant();
        if (t.isBefore(now.minus(config.maxPastSkew()))) {
            return rejections.reject(channel, new Acceptance.Rejected("stale",
                    "time " + t + " is more than " + config.maxPastSkew() + " before the center clock " + now));
        }
        if (t.isAfter(now.plus(config.maxFutureSkew()))) {
            return rejections.reject(channel, new Acceptance.Rejected("future",
                    "time " + t + " is more than " + config.maxFutureSkew() + " after the center clock " + now));
        }
        AcceptedObservation accepted = store.observations().append(now, channel, observation);
        List<CenterEvent> events = new ArrayList<>();
        events.add(new CenterEvent.ObservationAccepted(accepted));
        events.addAll(processor.process(accepted));
        publish(events);
        return new Acceptance.Accepted(accepted);
    }

    /** Runs time-driven logic up to the clock's current instant. Call it periodically (the server does, every second). */
    public synchronized void tick() {
        publish(processor.advanceTo(clock.instant()));
    }

    /**
     * Rebuilds tracks and incidents from the accepted-input log, for a restart or an independent re-run.
     * Listeners do not hear replayed events; the store's projections are rewritten.
     */
    public synchronized void replay() {
        long seq = 1;
        while (true) {
            List<AcceptedObservation> batch = store.observations().read(seq, 1000);
            if (batch.isEmpty()) break;
            for (AcceptedObservation a : batch) {
                save(processor.process(a));
                seq = a.seq() + 1;
            }
        }
        save(processor.advanceTo(clock.instant()));
    }

    private void publish(List<CenterEvent> events) {
        save(events);
        for (CenterEvent e : events) {
            for (CenterListener l : listeners) {
                try {
                    l.on(e);
                } catch (RuntimeException ex) {
                    // A listener's failure (a dropped SSE client) must not stop the pipeline.
                    System.getLogger(Center.class.getName()).log(System.Logger.Level.WARNING,
                            "listener failed on " + e.getClass().getSimpleName(), ex);
                }
            }
        }
    }

    private void save(List<CenterEvent> events) {
        for (CenterEvent e : events) {
            switch (e) {
                case CenterEvent.TrackUpdated t -> store.tracks().save(t.track());
                case CenterEvent.IncidentChanged i -> store.incidents().save(i.incident());
                case CenterEvent.ObservationAccepted ignored -> { }
            }
        }
    }

    /** Builds a {@link Center}; store and clock are required. */
    public static final class Builder {
        private final Agreement agreement;
        private Store store;
        private InstantSource clock;
        private CenterConfig config = CenterConfig.defaults();
        private Function<Center, Processor> processor;

        private Builder(Agreement agreement) {
            this.agreement = agreement;
        }

        public Builder store(Store store) { this.store = store; return this; }

        public Builder clock(InstantSource clock) { this.clock = clock; return this; }

        public Builder config(CenterConfig config) { this.config = config; return this; }

        /** Replaces the default processor (tests, alternative fusion). */
        public Builder processor(Function<Center, Processor> processor) { this.processor = processor; return this; }

        public Center build() {
            return new Center(this);
        }
    }
}
