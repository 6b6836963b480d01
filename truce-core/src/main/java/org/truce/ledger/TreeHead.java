package org.truce.ledger;

import java.util.Objects;

/** A tree size and the Merkle tree hash of that many leaves. Immutable. */
public record TreeHead(long size, Hash root) {
    public TreeHead {
        Objects.requireNonNull(root);
        if (size < 0) throw new IllegalArgumentException("negative tree size");
    }
}
