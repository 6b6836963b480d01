package org.truce.ledger;

import java.util.List;

/**
 * Where checkpoints, contingents' verifier keys and the roster of contingents that must co-sign live.
 * Implementations are thread-safe and durable on return.
 */
public interface CheckpointStore {
    /** Appends a checkpoint (signed by all, or by some when one refused). */
    void addCheckpoint(CheckpointRecord checkpoint);

    /** All checkpoints, oldest first. */
    List<CheckpointRecord> checkpoints();

    void addKey(KeyRecord key);

    /** All keys ever registered, oldest first (rotation adds, never removes). */
    List<KeyRecord> keys();

    /** Sets the contingent ids whose signatures make a checkpoint joint (from the Agreement). */
    void setRoster(List<String> contingents);

    /** The roster, in Agreement order; empty until set. */
    List<String> roster();
}
