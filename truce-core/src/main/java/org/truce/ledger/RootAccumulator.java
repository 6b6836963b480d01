package org.truce.ledger;

import java.util.ArrayList;
import java.util.List;

/**
 * Computes MTH of a growing sequence of leaf hashes in O(log n) memory (the hashes of the complete subtrees along
 * the right edge, largest first), for checks that stream a log once instead of holding it. Not thread-safe.
 */
public final class RootAccumulator {
    private final List<byte[]> stack = new ArrayList<>();
    private final List<Integer> heights = new ArrayList<>();
    private final Rfc9162 hasher = new Rfc9162();
    private long size;

    public void add(Hash leafHash) {
        byte[] h = leafHash.bytes();
        int height = 0;
        while (!heights.isEmpty() && heights.get(heights.size() - 1) == height) {
            h = hasher.node(stack.remove(stack.size() - 1), h);
            heights.remove(heights.size() - 1);
            height++;
        }
        stack.add(h);
        heights.add(height);
        size++;
    }

    public long size() {
        return size;
    }

    /** MTH of the leaves added so far: the right-edge subtrees folded from the right, as RFC 9162's split does. */
    public Hash root() {
        if (stack.isEmpty()) return Rfc9162.emptyRoot();
        byte[] r = stack.get(stack.size() - 1);
        for (int i = stack.size() - 2; i >= 0; i--) {
            r = hasher.node(stack.get(i), r);
        }
        return Hash.wrap(r);
    }
}
