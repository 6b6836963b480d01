package org.truce.ledger;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A growable, append-only array of 32-byte hashes stored in 1 MiB chunks, so ten million hashes cost 320 MB
 * and no single copy ever moves more than a chunk. Not thread-safe.
 */
final class HashArray {
    private static final int CHUNK_SHIFT = 15;
    private static final int CHUNK_HASHES = 1 << CHUNK_SHIFT;
    private static final int CHUNK_MASK = CHUNK_HASHES - 1;
    private static final int FIRST_CHUNK_HASHES = 16;

    private final List<byte[]> chunks = new ArrayList<>();
    private long size;

    long size() {
        return size;
    }

    void add(byte[] src, int off) {
        int slot = slotFor(size);
        System.arraycopy(src, off, chunks.get(chunkOf(size)), slot, Hash.LENGTH);
        size++;
    }

    /** Reserves the next slot and returns its chunk; the slot's offset is {@link #offset(long)} of the old size. */
    byte[] reserve() {
        long i = size;
        slotFor(i);
        size++;
        return chunks.get(chunkOf(i));
    }

    byte[] chunk(long index) {
        return chunks.get(chunkOf(index));
    }

    static int offset(long index) {
        return (int) (index & CHUNK_MASK) * Hash.LENGTH;
    }

    byte[] get(long index) {
        if (index < 0 || index >= size) throw new IndexOutOfBoundsException("hash " + index + " of " + size);
        int off = offset(index);
        return Arrays.copyOfRange(chunks.get(chunkOf(index)), off, off + Hash.LENGTH);
    }

    private static int chunkOf(long index) {
        return (int) (index >>> CHUNK_SHIFT);
    }

    /** Makes room for {@code index} (== size) and returns its byte offset in its chunk. */
    private int slotFor(long index) {
        int c = chunkOf(index);
        int off = offset(index);
        if (c == chunks.size()) {
            chunks.add(new byte[(c == 0 ? FIRST_CHUNK_HASHES : CHUNK_HASHES) * Hash.LENGTH]);
        } else if (chunks.get(c).length <= off) {
            // Only the first chunk starts small (most trees in tests and the upper levels are tiny); it doubles.
            chunks.set(c, Arrays.copyOf(chunks.get(c), Math.min(chunks.get(c).length * 2, CHUNK_HASHES * Hash.LENGTH)));
        }
        return off;
    }
}
