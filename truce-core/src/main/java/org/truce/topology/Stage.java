package org.truce.topology;

import java.time.Instant;
import java.util.List;
import org.truce.sensing.AcceptedObservation;

/**
 * One derived view of the accepted-input log: tracking and rules, coverage, asset health, … A stage has one job. It
 * is fed every accepted observation in log order ({@link #process}) and told when the center's time passes
 * ({@link #advanceTo}); what it derives is returned as outputs, which the {@link Topology} passes downstream.
 *
 * <p><b>Snapshots.</b> {@link #snapshot()} returns the stage's whole state as a value that nothing can change
 * afterwards (neither the stage going on, nor the holder of the value); {@link #restore} puts a stage built with the
 * same configuration back into exactly that state. The contract every stage meets, and its unit test checks:
 * snapshot, restore into a fresh stage, continue — gives the same outputs and the same state as continuing.
 *
 * <p><b>Keys.</b> A stage keeps its state keyed where the domain has a key (a track, a zone's rule, a coverage cell,
 * an asset), so that it could later be hosted by a stream processor partitioned by sector (docs/pipeline.md).
 *
 * <p><b>Determinism.</b> A stage reads no wall clock and draws no unseeded random number: time comes only from the
 * observations and from {@link #advanceTo}. Not thread-safe: the topology calls it from one thread at a time.
 *
 * @param <S> the stage's snapshot, an immutable value
 * @param <O> what the stage emits (events, located events, status changes)
 */
public interface Stage<S, O> {
    /** The stage's stable name, the key of its state in a {@link Topology.Snapshot} (e.g. {@code "rules"}). */
    String name();

    /** Takes one accepted observation, in log order; returns what it derived from it, in order. */
    List<O> process(AcceptedObservation observation);

    /** Lets time-driven logic run up to {@code now} (never backwards: an earlier instant does nothing). */
    List<O> advanceTo(Instant now);

    /** The whole state, as an immutable value. */
    S snapshot();

    /**
     * Puts the stage into the state of {@code snapshot}, taken from a stage of the same configuration.
     *
     * @throws IllegalArgumentException if the snapshot is not of this stage's kind
     */
    void restore(S snapshot);
}
