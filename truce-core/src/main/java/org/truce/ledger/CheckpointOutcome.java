package org.truce.ledger;

import java.util.List;
import java.util.Optional;

/**
 * What one checkpoint attempt produced.
 *
 * @param note     the stored signed note; empty when no contingent signed
 * @param joint    true when every contingent of the roster signed
 * @param refusals refusals recorded in the log, with their entry index
 */
public record CheckpointOutcome(Checkpoint checkpoint, Optional<SignedNote> note, boolean joint,
                                List<RecordedRefusal> refusals) {
    public CheckpointOutcome {
        refusals = List.copyOf(refusals);
    }

    /** A refusal and the index of the log entry that records it. */
    public record RecordedRefusal(CheckpointRefusal refusal, long entryIndex) {
    }
}
