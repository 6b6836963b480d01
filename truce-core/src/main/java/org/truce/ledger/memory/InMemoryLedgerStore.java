package org.truce.ledger.memory;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.truce.ledger.CheckpointRecord;
import org.truce.ledger.CheckpointStore;
import org.truce.ledger.Hash;
import org.truce.ledger.KeyRecord;
import org.truce.ledger.LedgerStore;

/** Ledger and checkpoint store in memory, for tests, benchmarks and the simulator. Thread-safe (synchronized). */
public final class InMemoryLedgerStore implements LedgerStore, CheckpointStore {
    private final List<byte[]> entries = new ArrayList<>();
    private final List<Hash> hashes = new ArrayList<>();
    private final List<CheckpointRecord> checkpoints = new ArrayList<>();
    private final List<KeyRecord> keys = new ArrayList<>();
    private List<String> roster = List.of();

    @Override
    public synchronized void append(long index, byte[] entry, Hash leafHash) {
        if (index != entries.size()) {
            throw new IllegalStateException("append at " + index + " but the store holds " + entries.size());
        }
        entries.add(entry.clone());
        hashes.add(leafHash);
    }

    @Override
    public synchronized long size() {
        return entries.size();
    }

    @Override
    public synchronized Optional<byte[]> entry(long index) {
        return index >= 0 && index < entries.size() ? Optional.of(entries.get((int) index).clone()) : Optional.empty();
    }

    @Override
    public synchronized List<StoredEntry> read(long fromIndex, int limit) {
        List<StoredEntry> out = new ArrayList<>();
        for (long i = Math.max(0, fromIndex); i < entries.size() && out.size() < limit; i++) {
            out.add(new StoredEntry(i, entries.get((int) i).clone(), hashes.get((int) i)));
        }
        return out;
    }

    @Override
    public synchronized List<Hash> leafHashes(long fromIndex, int limit) {
        int from = (int) Math.min(Math.max(0, fromIndex), hashes.size());
        return List.copyOf(hashes.subList(from, (int) Math.min(hashes.size(), (long) from + limit)));
    }

    /** Replaces the bytes of an entry without touching its hash: for tamper tests only. */
    public synchronized void tamperEntry(long index, byte[] entry) {
        entries.set((int) index, entry.clone());
    }

    @Override
    public synchronized void addCheckpoint(CheckpointRecord checkpoint) {
        checkpoints.add(checkpoint);
    }

    @Override
    public synchronized List<CheckpointRecord> checkpoints() {
        return List.copyOf(checkpoints);
    }

    @Override
    public synchronized void addKey(KeyRecord key) {
        keys.add(key);
    }

    @Override
    public synchronized List<KeyRecord> keys() {
        return List.copyOf(keys);
    }

    @Override
    public synchronized void setRoster(List<String> contingents) {
        roster = List.copyOf(contingents);
    }

    @Override
    public synchronized List<String> roster() {
        return roster;
    }
}
