package org.truce.pipeline;

import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.truce.agreement.Agreement;
import org.truce.fusion.Track;
import org.truce.pipeline.ProcessorStage;
import org.truce.pipeline.RulePipeline;
import org.truce.rules.Incident;
import org.truce.sensing.AcceptedObservation;
import org.truce.sensing.Observation;
import org.truce.store.ObservationLog;
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
 * added (coverage, asset health, fire-event location), whose outputs go to their own downstreams. Time comes only from the injected {@link InstantSource}; a {@link SensorClock}
 * is moved by each accepted observation (its skew bounds measured from the sensor time), so such a center lives in
 * its sensors' time.
 *
 * <p><b>Group commit.</b> Durability costs a transaction, so observations are committed in groups: a batch given to
 * {@link #acceptAll} (one HTTP request, one MQTT or UDP burst) and the single {@link #accept} calls of concurrent
 * callers (MQTT, UDP, several HTTP clients) queue up, and while one group commits the next one gathers (see
 * {@link GroupCommit}: the committing thread is one of the callers, so there is no thread to start or stop and a
 * lone call commits at once). A group is committed under this center's lock, in queue order: each observation is
 * checked in turn (a sensor clock moves as it goes), all accepted ones are appended with one
 * {@link ObservationLog#appendAll}, then processed one by one in log order, the resulting tracks and incidents
 * written with one {@code saveAll} each (several updates of one track in a group written once, as its last state),
 * the events published to listeners in order, and only then are the callers answered. So:
 * <ul>
 *   <li>the log order is the processing order, whatever the threads: the same log always yields the same tracks
 *       and incidents, and a group's results equal those of accepting its observations one by one;</li>
 *   <li>nothing is reported accepted before the transaction holding it has committed; when the append (or the
 *       processing after it) fails, every caller of the group with an observation to append gets the failure and
 *       no {@link Acceptance.Accepted}; a caller whose observations were all rejected still gets its answers;</li>
 *   <li>{@link #tick()} and {@link #replay()} take the same lock, so they run between groups.</li>
 * </ul>
 *
 * <p>Thread-safe. A listener must not call {@link #accept} or {@link #acceptAll} (it runs inside a group commit).
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
    private final GroupCommit committer = new GroupCommit(this::commit);

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

    /**
     * Checks the observation and, if it passes, appends it (durable when this returns), processes it and publishes
     * the results. Refused, and counted in {@link #rejections()}: no observation ({@code empty}), an asset that is
     * not registered ({@code unknown-asset}), a time more than the configured skew before ({@code stale}) or after
     * ({@code future}) the center clock; on a {@link SensorClock}, the bounds are measured from the latest sensor
     * time, which an accepted observation then moves. Shares a transaction with concurrent callers (see the class
     * comment).
     *
     * @throws RuntimeException the store's or the processor's failure (see {@link #acceptAll})
     */
    @Override
    public Acceptance accept(String channel, Observation observation) {
        return acceptAll(channel, Collections.singletonList(observation)).getFirst();
    }

    /**
     * Checks each observation as {@link #accept} does, appends the accepted ones with those of concurrent callers in
     * one transaction, then processes and publishes them in log order; answers each observation in order. A
     * {@code null} element is rejected as {@code empty}.
     *
     * @throws RuntimeException the store's or the processor's failure, when the group this batch was committed with
     *                          failed: then none of its observations is reported accepted
     * @throws IllegalStateException when called from a listener of this center (it would wait for itself)
     */
    @Override
    public List<Acceptance> acceptAll(String channel, List<? extends Observation> observations) {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(observations, "observations");
        if (observations.isEmpty()) return List.of();
        return committer.submit(new GroupCommit.Request(channel, new ArrayList<>(observations)));
    }

    /** Requests queued for the next group commit (for tests that arrange a group). */
    int queuedForCommit() {
        return committer.queued();
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
     * store's projections are rewritten, one batch of saves per page of the log.
     */
    public synchronized void replay() {
        if (latest != null) topology.restore(latest);
        long seq = topology.position() + 1;
        while (true) {
            List<AcceptedObservation> batch = store.observations().read(seq, 1000);
            if (batch.isEmpty()) break;
            List<CenterEvent> events = new ArrayList<>();
            for (AcceptedObservation a : batch) {
                events.addAll(process(a));
                seq = a.seq() + 1;
            }
            save(events);
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

    /**
     * Writes the projections of these events with one {@code saveAll} per repository: a track or incident updated
     * several times is written once, as its last state (earlier states were only ever visible to listeners).
     */
    private void save(List<CenterEvent> events) {
        Map<String, Track> tracks = new LinkedHashMap<>();
        Map<String, Incident> incidents = new LinkedHashMap<>();
        for (CenterEvent e : events) {
            switch (e) {
                case CenterEvent.TrackUpdated t -> tracks.put(t.track().id(), t.track());
                case CenterEvent.IncidentChanged i -> incidents.put(i.incident().id(), i.incident());
                case CenterEvent.ObservationAccepted ignored -> { }
            }
        }
        if (!tracks.isEmpty()) store.tracks().saveAll(List.copyOf(tracks.values()));
        if (!incidents.isEmpty()) store.incidents().saveAll(List.copyOf(incidents.values()));
    }

    /**
     * Checks one observation as {@link #accept} documents; on acceptance moves a sensor clock and returns what to
     * append. Called with this center's lock held, in log order.
     */
    private Check check(String channel, Observation observation) {
        if (observation == null) {
            return refuse(channel, new Acceptance.Rejected("empty", "no observation"));
        }
        if (store.assets().find(observation.asset()).isEmpty()) {
            return refuse(channel, new Acceptance.Rejected("unknown-asset",
                    "asset " + observation.asset() + " is not registered"));
        }
        Instant t = observation.time();
        if (clock instanceof SensorClock sensors) {
            // The center's time is its sensors' time: check the bounds against it, then let the observation move it,
            // so the log records the same acceptance instants whenever the same reports arrive in the same order.
            var refusal = sensors.outOfBounds(t, config.maxPastSkew());
            if (refusal.isPresent()) {
                return refuse(channel, new Acceptance.Rejected(refusal.get().reason(), refusal.get().detail()));
            }
            sensors.advanceTo(t);
        }
        Instant now = clock.instant();
        if (t.isBefore(now.minus(config.maxPastSkew()))) {
            return refuse(channel, new Acceptance.Rejected("stale",
                    "time " + t + " is more than " + config.maxPastSkew() + " before the center clock " + now));
        }
        if (t.isAfter(now.plus(config.maxFutureSkew()))) {
            return refuse(channel, new Acceptance.Rejected("future",
                    "time " + t + " is more than " + config.maxFutureSkew() + " after the center clock " + now));
        }
        return new Check.Pass(new ObservationLog.Arrival(now, channel, observation));
    }

    private Check refuse(String channel, Acceptance.Rejected rejected) {
        return new Check.Refuse(rejections.reject(channel, rejected));
    }

    /**
     * Commits one group of requests (see the class comment): checks, one {@code appendAll}, processing in log order,
     * batched projections, listeners, then the answers. Holds this center's lock, so ticks and replays never
     * interleave with a group. Every request of the group is completed when this returns, also on failure.
     */
    private synchronized void commit(List<GroupCommit.Request> group) {
        try {
            List<ObservationLog.Arrival> arrivals = new ArrayList<>();
            for (GroupCommit.Request r : group) {
                for (int i = 0; i < r.observations.size(); i++) {
                    switch (check(r.channel, r.observations.get(i))) {
                        case Check.Pass p -> {
                            arrivals.add(p.arrival());
                            r.appended++;
                        }
                        case Check.Refuse f -> r.answers[i] = f.rejected();
                    }
                }
                r.checked = true;
            }
            List<AcceptedObservation> accepted = arrivals.isEmpty() ? List.of()
                    : store.observations().appendAll(arrivals);
            if (accepted.size() != arrivals.size()) {
                throw new IllegalStateException("the observation log appended " + accepted.size() + " of "
                        + arrivals.size() + " observations");
            }
            List<CenterEvent> events = new ArrayList<>();
            for (AcceptedObservation a : accepted) {
                events.add(new CenterEvent.ObservationAccepted(a));
                events.addAll(process(a));
            }
            publish(events);
            var next = accepted.iterator();
            for (GroupCommit.Request r : group) {
                for (int i = 0; i < r.answers.length; i++) {
                    if (r.answers[i] == null) r.answers[i] = new Acceptance.Accepted(next.next());
                }
                r.complete();
            }
        } catch (RuntimeException | Error e) {
            for (GroupCommit.Request r : group) {
                if (r.done()) continue;
                // A request whose every observation was rejected has its answers; any other shares the failure,
                // so nothing of a group that may not be durable (or was not processed) is reported accepted.
                if (r.checked && r.appended == 0) r.complete();
                else r.fail(e);
            }
        }
    }

    /** The outcome of checking one observation: what to append, or the (counted) rejection. */
    private sealed interface Check {
        record Pass(ObservationLog.Arrival arrival) implements Check { }

        record Refuse(Acceptance.Rejected rejected) implements Check { }
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
