package org.truce.pipeline;

import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.truce.agreement.Agreement;
import org.truce.pipeline.internal.ProcessorStage;
import org.truce.pipeline.internal.RulePipeline;
import org.truce.sensing.AcceptedObservation;
import org.truce.sensing.Asset;
import org.truce.sensing.Observation;
import org.truce.store.Store;
import org.truce.time.SensorClock;
import org.truce.topology.Stage;
import org.truce.topology.Topology;

/**
 * The monitoring center's pipeline: the one {@link IngestPort} every adapter and the simulator use.
 *
 * <p>An observation is checked (registered asset, plausible time), appended to the accepted-input log
 * (durable before {@link #accept} returns), then processed by the center's {@link Topology}: tracking and rules
 * into tracks and incidents, which are written to the store and published to listeners, then the stages the builder
 * added (coverage, asset health), whose outputs go to their own downstreams. Calls are serialised: the pipeline is
 * deterministic for a given log order.
 * Time comes only from the injected {@link InstantSource}; a {@link SensorClock} is moved by each accepted
 * observation (its skew bounds measured from the sensor time), so such a center lives in its sensors' time.
 */
public final class Center implements IngestPort {
    private final Agreement agreement;
    private final Store store;
    private final InstantSource clock;
    private final CenterConfig config;
    private final Topology topology;
    /** The rules stage's outputs of the current call, drained into the published events. */
    private final List<CenterEvent> pending = new ArrayList<>();
    /** The snapshot {@link #replay()} starts from; none: the whole log. */
    private Topology.Snapshot latest;
    private final List<CenterListener> listeners = new CopyOnWriteArrayList<>();
    private final RejectionCounter rejections = new RejectionCounter();

    private Center(Builder b) {
        this.agreement = Objects.requireNonNull(b.agreement, "agreement");
        this.store = Objects.requireNonNull(b.store, "store");
        this.clock = Objects.requireNonNull(b.clock, "clock");
        this.config = Objects.requireNonNull(b.config, "config");
        Processor processor = b.processor != null ? b.processor.apply(this)
                : new RulePipeline(agreement, config, id -> store.assets().find(id));
        // Tracking and rules first: the center's own events; then the stages added, in order.
        Topology.Builder t = Topology.builder();
        if (processor instanceof RulePipeline rules) t.stage(rules, pending::add);
        else t.stage(new ProcessorStage(processor), pending::add);
        b.stages.forEach(s -> s.accept(t));
        this.topology = t.build();
    }

    public static Builder builder(Agreement agreement) {
        return new Builder(agreement);
    }

    public Agreement agreement() { return agreement; }

    public Store store() { return store; }

    public InstantSource clock() { return clock; }

    public CenterConfig config() { return config; }

    /**
     * The first stage of the center's topology of a type (e.g. a {@code CoverageStage}, to query): the stages are fed
     * only by the center, never directly.
     */
    public <T> java.util.Optional<T> stage(Class<T> type) { return topology.stage(type); }

    /** The names of the topology's stages, in order: {@code rules}, then those the builder added. */
    public List<String> stageNames() { return topology.stageNames(); }

    /** The seq of the last accepted observation the topology processed (0: none). */
    public synchronized long position() { return topology.position(); }

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
        events.addAll(process(accepted));
        publish(events);
        return new Acceptance.Accepted(accepted);
    }

    /** Runs time-driven logic up to the clock's current instant. Call it periodically (the server does, every second). */
    public synchronized void tick() {
        publish(advance(clock.instant()));
    }

    /** Every stage's state and the log position reached, as one immutable value; {@link #replay()} starts from it. */
    public synchronized Topology.Snapshot snapshot() {
        latest = topology.snapshot();
        return latest;
    }

    /**
     * Rebuilds every stage from the accepted-input log, for a restart or an independent re-run: each stage is
     * restored from the latest snapshot ({@link #snapshot()}, {@link #replayFrom}), if any, and the log's tail after
     * it is processed; without a snapshot, the log after the topology's position (all of it, for a new center). The
     * same log always ends in the same state. Listeners do not hear replayed events (stages' downstreams do); the
     * store's projections are rewritten.
     */
    public synchronized void replay() {
        if (latest != null) topology.restore(latest);
        long seq = topology.position() + 1;
        while (true) {
            List<AcceptedObservation> batch = store.observations().read(seq, 1000);
            if (batch.isEmpty()) break;
            for (AcceptedObservation a : batch) {
                save(process(a));
                seq = a.seq() + 1;
            }
        }
        save(advance(clock.instant()));
    }

    /** {@link #replay()} from {@code snapshot} (another center's, a third party's), which becomes the latest. */
    public synchronized void replayFrom(Topology.Snapshot snapshot) {
        latest = Objects.requireNonNull(snapshot, "snapshot");
        replay();
    }

    /** Runs the observation through the topology; returns the rules stage's events. */
    private List<CenterEvent> process(AcceptedObservation accepted) {
        topology.process(accepted);
        return drain();
    }

    private List<CenterEvent> advance(Instant now) {
        topology.advanceTo(now);
        return drain();
    }

    private List<CenterEvent> drain() {
        List<CenterEvent> out = List.copyOf(pending);
        pending.clear();
        return out;
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
        private final List<java.util.function.Consumer<Topology.Builder>> stages = new ArrayList<>();

        private Builder(Agreement agreement) {
            this.agreement = agreement;
        }

        public Builder store(Store store) { this.store = store; return this; }

        public Builder clock(InstantSource clock) { this.clock = clock; return this; }

        public Builder config(CenterConfig config) { this.config = config; return this; }

        /** Replaces the default processor (tests, alternative fusion). */
        public Builder processor(Function<Center, Processor> processor) { this.processor = processor; return this; }

        /**
         * Adds a stage after tracking and rules (coverage, asset health, …), in the order of these calls; its outputs
         * go to {@code downstream} on the center's thread, replayed ones too.
         */
        public <S, O> Builder stage(Stage<S, O> stage, java.util.function.Consumer<? super O> downstream) {
            Objects.requireNonNull(stage, "stage");
            Objects.requireNonNull(downstream, "downstream");
            stages.add(t -> t.stage(stage, downstream));
            return this;
        }

        /** Adds a stage whose outputs nobody takes (coverage, which is queried). */
        public <S, O> Builder stage(Stage<S, O> stage) {
            return stage(stage, o -> { });
        }

        public Center build() {
            return new Center(this);
        }
    }
}
