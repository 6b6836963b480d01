package org.truce.pipeline;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.truce.agreement.Agreement;
import org.truce.fusion.Track;
import org.truce.rules.Incident;
import org.truce.sensing.AcceptedObservation;
import org.truce.sensing.Asset;
import org.truce.sensing.Observation;
import org.truce.store.memory.InMemoryStore;
import org.truce.time.SimulatedClock;

/**
 * Runs a whole {@link Center} — its whole topology of stages — in memory on a {@link SimulatedClock}, for tests (like
 * Kafka Streams' TopologyTestDriver): register assets, pipe observations at their times, advance time, read what came
 * out. It lives in truce-core's test-jar (the test fixtures other modules' tests depend on), not in the product.
 * Further stages (coverage, health, fire location) are added through the center's builder
 * ({@link #PipelineTestDriver(Agreement, CenterConfig, Instant, java.util.function.Consumer)}).
 *
 * <p>{@link #pipe} moves the clock to the observation's time (never backwards), lets time-driven logic run
 * ({@link Center#tick()}, as the server does every second), then ingests on channel {@value #CHANNEL}.
 * Every event the center publishes is recorded in order. Not thread-safe: one test, one driver.
 */
public final class PipelineTestDriver implements AutoCloseable {
    public static final String CHANNEL = "test";

    private final SimulatedClock clock;
    private final InMemoryStore store = new InMemoryStore();
    private final Center center;
    private final List<CenterEvent> events = Collections.synchronizedList(new ArrayList<>());

    public PipelineTestDriver(Agreement agreement, Instant start) {
        this(agreement, CenterConfig.defaults(), start);
    }

    public PipelineTestDriver(Agreement agreement, CenterConfig config, Instant start) {
        this(agreement, config, start, b -> { });
    }

    /** @param stages adds stages to the center's topology after tracking and rules ({@link Center.Builder#stage}) */
    public PipelineTestDriver(Agreement agreement, CenterConfig config, Instant start,
                              java.util.function.Consumer<Center.Builder> stages) {
        this.clock = new SimulatedClock(Objects.requireNonNull(start));
        Center.Builder b = Center.builder(agreement).store(store).clock(clock).config(config);
        stages.accept(b);
        this.center = b.build();
        center.addListener(events::add);
    }

    public PipelineTestDriver register(Asset asset) {
        store.assets().save(asset);
        return this;
    }

    /** Ingests at the observation's own time; returns the center's answer. */
    public Acceptance pipe(Observation observation) {
        return pipeAt(observation.time(), observation);
    }

    /** Ingests with the center clock at {@code receivedAt} (to test skew and late arrival). */
    public Acceptance pipeAt(Instant receivedAt, Observation observation) {
        advanceTo(receivedAt);
        return center.accept(CHANNEL, observation);
    }

    /** Pipes each observation in list order. */
    public List<Acceptance> pipeAll(List<? extends Observation> observations) {
        return observations.stream().map(this::pipe).toList();
    }

    /** Moves the clock to {@code t} (ignored if earlier) and runs time-driven logic. */
    public void advanceTo(Instant t) {
        clock.advanceTo(t);
        center.tick();
    }

    public void advance(Duration d) {
        advanceTo(clock.instant().plus(d));
    }

    public Instant now() {
        return clock.instant();
    }

    /** All incidents as last written, ordered by start then id. */
    public List<Incident> incidents() {
        return store.incidents().all();
    }

    public Optional<Incident> incident(String id) {
        return store.incidents().find(id);
    }

    /** Latest record of every track the center published (confirmed, or deleted after confirmation), by id. */
    public List<Track> tracks() {
        return store.tracks().updatedSince(Instant.EPOCH);
    }

    /** Every event published so far, in order. */
    public List<CenterEvent> events() {
        synchronized (events) {
            return List.copyOf(events);
        }
    }

    /** The incident events only, in order. */
    public List<CenterEvent.IncidentChanged> incidentEvents() {
        return events().stream().filter(e -> e instanceof CenterEvent.IncidentChanged)
                .map(e -> (CenterEvent.IncidentChanged) e).toList();
    }

    /** The accepted-input log. */
    public List<AcceptedObservation> accepted() {
        return store.observations().read(1, Integer.MAX_VALUE);
    }

    public Center center() {
        return center;
    }

    public SimulatedClock clock() {
        return clock;
    }

    @Override
    public void close() {
        store.close();
    }
}
