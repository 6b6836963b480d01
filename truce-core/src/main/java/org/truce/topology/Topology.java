package org.truce.topology;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.truce.sensing.AcceptedObservation;

/**
 * The stages the accepted-input log feeds, in one fixed order, each with the downstream that takes its outputs.
 *
 * <p>The center's topology (docs/pipeline.md): tracking + rules → incidents and tracks first, then the stages added
 * (fire-event location, coverage, asset health), in the order they are added.
 * {@link #process} hands one observation to every stage in that order, then each stage's outputs to its downstream
 * before the next stage runs, so the whole topology is deterministic for a given log.
 *
 * <p>{@link #snapshot()} is every stage's snapshot plus the log position the topology has reached; a restart or a
 * third party's re-run {@link #restore}s from it and replays the log after {@link Snapshot#position()} (see
 * {@link org.truce.pipeline.Center#replay()}), and ends in the state of a straight run.
 *
 * <p>Not thread-safe: the center serialises calls.
 */
public final class Topology {
    /**
     * The state of a whole topology: the seq of the last observation it processed (0: none) and each stage's
     * snapshot by stage name, in topology order. Immutable, since every stage snapshot is.
     */
    public record Snapshot(long position, Map<String, Object> stages) {
        public Snapshot {
            if (position < 0) throw new IllegalArgumentException("position must be >= 0, got " + position);
            stages = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(stages, "stages")));
        }

        /** One stage's snapshot. */
        public Optional<Object> stage(String name) {
            return Optional.ofNullable(stages.get(name));
        }
    }

    private record Node<S, O>(Stage<S, O> stage, Consumer<? super O> downstream) {
        void emit(List<O> outputs) {
            for (O o : outputs) downstream.accept(o);
        }

        @SuppressWarnings("unchecked")
        void restore(Object snapshot) {
            stage.restore((S) snapshot);
        }
    }

    private final List<Node<?, ?>> nodes;
    private long position;

    private Topology(List<Node<?, ?>> nodes) {
        this.nodes = List.copyOf(nodes);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Feeds one accepted observation to every stage in order; its seq must follow the last one processed. */
    public void process(AcceptedObservation observation) {
        Objects.requireNonNull(observation, "observation");
        if (observation.seq() <= position) {
            throw new IllegalArgumentException("observation " + observation.id() + " (seq " + observation.seq()
                    + ") is not after the topology's position " + position + ": the log is processed once, in order");
        }
        position = observation.seq();
        for (Node<?, ?> n : nodes) feed(n, observation);
    }

    private static <S, O> void feed(Node<S, O> n, AcceptedObservation observation) {
        n.emit(n.stage().process(observation));
    }

    /** Lets every stage's time-driven logic run to {@code now}, in order. */
    public void advanceTo(Instant now) {
        Objects.requireNonNull(now, "now");
        for (Node<?, ?> n : nodes) advance(n, now);
    }

    private static <S, O> void advance(Node<S, O> n, Instant now) {
        n.emit(n.stage().advanceTo(now));
    }

    /** The seq of the last observation processed; 0 before the first. */
    public long position() {
        return position;
    }

    /** The stages' names, in order. */
    public List<String> stageNames() {
        return nodes.stream().map(n -> n.stage().name()).toList();
    }

    /** The first stage of a type, e.g. {@code stage(CoverageStage.class)} (org.truce.pipeline) for the coverage oracle. */
    public <T> Optional<T> stage(Class<T> type) {
        return nodes.stream().map(Node::stage).filter(type::isInstance).map(type::cast).findFirst();
    }

    /** Every stage's state and the position, as one immutable value. */
    public Snapshot snapshot() {
        Map<String, Object> states = new LinkedHashMap<>();
        for (Node<?, ?> n : nodes) states.put(n.stage().name(), n.stage().snapshot());
        return new Snapshot(position, states);
    }

    /**
     * Puts every stage back into its state in {@code snapshot} and the position to the snapshot's.
     *
     * @throws IllegalArgumentException if the snapshot does not hold exactly this topology's stages
     */
    public void restore(Snapshot snapshot) {
        Objects.requireNonNull(snapshot, "snapshot");
        if (!snapshot.stages().keySet().equals(new java.util.LinkedHashSet<>(stageNames()))) {
            throw new IllegalArgumentException("snapshot of stages " + snapshot.stages().keySet()
                    + " does not fit this topology's stages " + stageNames());
        }
        for (Node<?, ?> n : nodes) n.restore(snapshot.stages().get(n.stage().name()));
        position = snapshot.position();
    }

    /** Builds a {@link Topology}: stages in the order added, names unique. */
    public static final class Builder {
        private final List<Node<?, ?>> nodes = new ArrayList<>();

        private Builder() {}

        /** Adds a stage whose outputs go to {@code downstream}, on the topology's thread. */
        public <S, O> Builder stage(Stage<S, O> stage, Consumer<? super O> downstream) {
            Objects.requireNonNull(stage, "stage");
            Objects.requireNonNull(downstream, "downstream");
            if (nodes.stream().anyMatch(n -> n.stage().name().equals(stage.name()))) {
                throw new IllegalArgumentException("two stages are named " + stage.name());
            }
            nodes.add(new Node<>(stage, downstream));
            return this;
        }

        /** Adds a stage whose outputs nobody takes (coverage: it is queried, not listened to). */
        public <S, O> Builder stage(Stage<S, O> stage) {
            return stage(stage, o -> { });
        }

        public Topology build() {
            return new Topology(nodes);
        }
    }
}
