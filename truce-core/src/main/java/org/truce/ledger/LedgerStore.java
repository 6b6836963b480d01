package org.truce.ledger;

import java.util.List;
import java.util.Optional;

/**
 * Where the transparency log's entries live: entry bytes and their leaf hashes, by 0-based index. Implementations
 * are thread-safe; {@link #append} is durable when it returns. The store is trusted for durability only, never for
 * integrity: {@link LedgerAuditor} and {@code truce verify} recompute everything from the entry bytes.
 */
public interface LedgerStore {
    /**
     * Stores entry {@code index}, which must equal {@link #size()}; throws {@link IllegalStateException} otherwise
     * (a second writer, or a store changed behind the ledger's back).
     */
    void append(long index, byte[] entry, Hash leafHash);

    /** Number of stored entries. */
    long size();

    /** Entry bytes at {@code index}, if stored. */
    Optional<byte[]> entry(long index);

    /** Stored entries with index ≥ {@code fromIndex}, at most {@code limit}, by increasing index, as stored. */
    List<StoredEntry> read(long fromIndex, int limit);

    /** Stored leaf hashes of indices {@code fromIndex}, {@code fromIndex+1}, … at most {@code limit}. */
    List<Hash> leafHashes(long fromIndex, int limit);

    /** One stored row; {@code index} is the stored index, which a tampered store may leave with gaps. */
    record StoredEntry(long index, byte[] entry, Hash leafHash) {
    }
}
