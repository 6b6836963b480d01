package org.truce.ledger;

import java.time.Instant;
import java.util.Objects;

/**
 * A stored checkpoint.
 *
 * @param treeSize the size the note states (kept for queries; the note is authoritative)
 * @param at       center time when it was signed (UTC)
 * @param note     the full signed-note text
 */
public record CheckpointRecord(long treeSize, Instant at, String note) {
    public CheckpointRecord {
        Objects.requireNonNull(at); Objects.requireNonNull(note);
    }
}
