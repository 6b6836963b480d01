package org.truce.ledger;

import java.time.Instant;
import java.util.Objects;

/**
 * Payload of an {@link EntryKind#CHECKPOINT_REFUSAL} entry: a contingent declined to sign a tree head.
 *
 * @param contingent id of the contingent that refused
 * @param treeSize   size of the tree head it refused
 * @param rootHash   base64 root hash of that tree head
 * @param reason     its stated reason, in words
 * @param at         center time of the refusal (UTC)
 */
public record CheckpointRefusal(String contingent, long treeSize, String rootHash, String reason, Instant at) {
    public CheckpointRefusal {
        Objects.requireNonNull(contingent); Objects.requireNonNull(rootHash);
        Objects.requireNonNull(reason); Objects.requireNonNull(at);
    }
}
