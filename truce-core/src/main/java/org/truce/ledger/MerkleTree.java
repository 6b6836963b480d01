package org.truce.ledger;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The Merkle tree of RFC 9162 §2.1 over a sequence of leaf hashes, kept in memory as the hashes of every complete
 * subtree, level by level (level 0 = the leaves). Appending costs one node hash on average; the root of any
 * earlier size, an inclusion proof or a consistency proof costs O(log² n) look-ups and at most O(log n) hashes,
 * whatever the size. Memory: about 64 bytes per leaf.
 *
 * <p>Not thread-safe: {@link Ledger} serialises access.
 */
public final class MerkleTree {
    private final List<HashArray> levels = new ArrayList<>();
    private final Rfc9162 hasher = new Rfc9162();

    public MerkleTree() {
        levels.add(new HashArray());
    }

    /** Number of leaves. */
    public long size() {
        return levels.get(0).size();
    }

    /** Appends a leaf by its leaf hash (already SHA-256(0x00 ‖ entry)). */
    public void append(Hash leafHash) {
        appendLeafHash(leafHash.unsafeBytes(), 0);
    }

    /** Appends a leaf hash read from {@code src} at {@code off}. */
    public void appendLeafHash(byte[] src, int off) {
        HashArray level = levels.get(0);
        level.add(src, off);
        int k = 0;
        // Each time a level gets an even count, its last two nodes complete a subtree one level up.
        while ((level.size() & 1) == 0) {
            long right = level.size() - 1;
            if (levels.size() == k + 1) levels.add(new HashArray());
            HashArray up = levels.get(k + 1);
            long slot = up.size();
            byte[] out = up.reserve();
            hasher.node(level.chunk(right - 1), HashArray.offset(right - 1), level.chunk(right), HashArray.offset(right),
                    out, HashArray.offset(slot));
            level = up;
            k++;
        }
    }

    /** The leaf hash at {@code index}. */
    public Hash leafHash(long index) {
        return Hash.wrap(levels.get(0).get(index));
    }

    /** MTH of the whole tree. */
    public Hash root() {
        return root(size());
    }

    /** MTH of the first {@code treeSize} leaves (any earlier tree head). */
    public Hash root(long treeSize) {
        checkSize(treeSize);
        return treeSize == 0 ? Rfc9162.emptyRoot() : Hash.wrap(range(0, treeSize));
    }

    /** The audit path PATH(m, D[n]) of RFC 9162 §2.1.3.1, leaf side first. */
    public List<Hash> inclusionProof(long leafIndex, long treeSize) {
        checkSize(treeSize);
        if (leafIndex < 0 || leafIndex >= treeSize) {
            throw new IllegalArgumentException("leaf " + leafIndex + " is not in a tree of size " + treeSize);
        }
        List<Hash> proof = new ArrayList<>();
        path(leafIndex, 0, treeSize, proof);
        return Collections.unmodifiableList(proof);
    }

    /** The consistency proof PROOF(m, D[n]) of RFC 9162 §2.1.4.1; empty when m is 0 or m = n. */
    public List<Hash> consistencyProof(long firstSize, long secondSize) {
        checkSize(secondSize);
        if (firstSize < 0 || firstSize > secondSize) {
            throw new IllegalArgumentException("no consistency proof from size " + firstSize + " to " + secondSize);
        }
        List<Hash> proof = new ArrayList<>();
        if (firstSize > 0 && firstSize < secondSize) subproof(firstSize, 0, secondSize, true, proof);
        return Collections.unmodifiableList(proof);
    }

    private void path(long m, long start, long end, List<Hash> out) {
        if (end - start == 1) return;
        long k = Long.highestOneBit(end - start - 1);
        if (m < start + k) {
            path(m, start, start + k, out);
            out.add(Hash.wrap(range(start + k, end)));
        } else {
            path(m, start + k, end, out);
            out.add(Hash.wrap(range(start, start + k)));
        }
    }

    private void subproof(long m, long start, long end, boolean whole, List<Hash> out) {
        long n = end - start;
        if (m == n) {
            if (!whole) out.add(Hash.wrap(range(start, end)));
            return;
        }
        long k = Long.highestOneBit(n - 1);
        if (m <= k) {
            subproof(m, start, start + k, whole, out);
            out.add(Hash.wrap(range(start + k, end)));
        } else {
            subproof(m - k, start + k, end, false, out);
            out.add(Hash.wrap(range(start, start + k)));
        }
    }

    /**
     * MTH(D[start:end]). Every range the RFC's recursions ask for starts at a multiple of a power of two at least
     * as large as its length, so a power-of-two range is a stored complete subtree and any other splits into one
     * stored subtree and a shorter range of the same kind.
     */
    private byte[] range(long start, long end) {
        long n = end - start;
        if (Long.bitCount(n) == 1) {
            int level = Long.numberOfTrailingZeros(n);
            if (start % n != 0) throw new IllegalStateException("unaligned subtree " + start + ".." + end);
            return levels.get(level).get(start >>> level);
        }
        long k = Long.highestOneBit(n - 1);
        return hasher.node(range(start, start + k), range(start + k, end));
    }

    private void checkSize(long treeSize) {
        if (treeSize < 0 || treeSize > size()) {
            throw new IllegalArgumentException("tree size " + treeSize + " outside 0.." + size());
        }
    }
}
