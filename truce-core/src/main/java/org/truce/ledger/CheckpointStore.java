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

    /**
     * The newest checkpoints signed at or before {@code notAfter}, newest first, at most {@code limit}: what a reader
     * looking for the latest checkpoint of a moment needs without reading the whole history. A store with many
     * checkpoints should answer this from an index; this default filters {@link #checkpoints()}.
     */
    default List<CheckpointRecord> latestCheckpoints(java.time.Instant notAfter, int limit) {
        if (limit < 1) throw new IllegalArgumentException("limit must be >= 1, was " + limit);
        List<CheckpointRecord> all = checkpoints();
        List<CheckpointRecord> out = new java.util.ArrayList<>();
        for (int i = all.size() - 1; i >= 0 && out.size() < limit; i--) {
            if (!all.get(i).at().isAfter(notAfter)) out.add(all.get(i));
        }
        return out;
    }

    void addKey(KeyRecord key);

    /** All keys ever registered, oldest first (rotation adds, never removes). */
    List<KeyRecord> keys();

    /** Sets the contingent ids whose signatures make a checkpoint joint (from the Agreement). */
    void setRoster(List<String> contingents);

    /** The roster, in Agreement order; empty until set. */
    List<String> roster();
}
