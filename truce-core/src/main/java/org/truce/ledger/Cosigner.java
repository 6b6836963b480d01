package org.truce.ledger;

import java.util.List;

/**
 * One contingent's side of co-signing: it reviews a proposed checkpoint and signs it or refuses with a reason.
 * A reviewer should never sign a tree head that does not extend the last one it signed. Implementations
 * are called by {@link Checkpointer} on one thread at a time.
 */
public interface Cosigner {
    /** Id of the contingent this cosigner speaks for (as in the Agreement). */
    String contingent();

    /**
     * @param proofs consistency proofs of the log being checkpointed, between any earlier size and the
     *               checkpoint's size
     */
    Decision review(Checkpoint checkpoint, ConsistencyProofs proofs);

    /** Gives the RFC 9162 consistency proof between two tree sizes of the log under review. */
    @FunctionalInterface
    interface ConsistencyProofs {
        List<Hash> between(long firstSize, long secondSize);
    }

    /** The outcome of a review. */
    sealed interface Decision {
        record Signed(NoteSignature signature) implements Decision {
        }

        record Refused(String reason) implements Decision {
        }
    }
}
