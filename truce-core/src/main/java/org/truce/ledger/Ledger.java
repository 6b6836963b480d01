package org.truce.ledger;

import java.util.List;
import java.util.Objects;

/**
 * The transparency log: entries appended to a {@link LedgerStore} and hashed into an in-memory {@link MerkleTree}.
 * Thread-safe: every method is serialised on the ledger.
 *
 * <p>{@link #open} rebuilds the tree from the stored leaf hashes without re-reading entries (fast restart);
 * whether those hashes still match the entries and the signed checkpoints is {@link LedgerAuditor}'s job.
 */
public final class Ledger {
    private static final int PAGE = 50_000;

    private final LedgerStore store;
    private final EntryCodec codec;
    private final MerkleTree tree = new MerkleTree();
    private final Rfc9162 hasher = new Rfc9162();

    private Ledger(LedgerStore store, EntryCodec codec) {
        this.store = Objects.requireNonNull(store);
        this.codec = Objects.requireNonNull(codec, "codec");
    }

    /** Opens the log held by {@code store} (empty or not), whose entries {@code codec} encodes. */
    public static Ledger open(LedgerStore store, EntryCodec codec) {
        Ledger l = new Ledger(store, codec);
        long n = store.size();
        for (long i = 0; i < n; ) {
            List<Hash> page = store.leafHashes(i, PAGE);
            if (page.isEmpty()) break;
            for (Hash h : page) l.tree.append(h);
            i += page.size();
        }
        return l;
    }

    public LedgerStore store() {
        return store;
    }

    /** How this log's entries are encoded (for the recorders and verifiers working on it). */
    public EntryCodec codec() {
        return codec;
    }

    /** Encodes and appends a record; returns its index. */
    public long append(EntryKind kind, Object payload) {
        return appendEncoded(codec.encode(kind, payload));
    }

    /** Appends already-encoded entry bytes; returns its index. */
    public synchronized long appendEncoded(byte[] entry) {
        long index = tree.size();
        byte[] leaf = hasher.leaf(entry);
        store.append(index, entry, Hash.of(leaf));
        tree.appendLeafHash(leaf, 0);
        return index;
    }

    public synchronized long size() {
        return tree.size();
    }

    public synchronized TreeHead head() {
        return new TreeHead(tree.size(), tree.root());
    }

    public synchronized Hash root(long treeSize) {
        return tree.root(treeSize);
    }

    public synchronized Hash leafHash(long index) {
        return tree.leafHash(index);
    }

    /** RFC 9162 audit path for {@code index} in the tree of {@code treeSize}. */
    public synchronized List<Hash> inclusionProof(long index, long treeSize) {
        return tree.inclusionProof(index, treeSize);
    }

    /** RFC 9162 consistency proof from {@code firstSize} to {@code secondSize}. */
    public synchronized List<Hash> consistencyProof(long firstSize, long secondSize) {
        return tree.consistencyProof(firstSize, secondSize);
    }
}
