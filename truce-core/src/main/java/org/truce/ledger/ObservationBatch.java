package org.truce.ledger;

import java.util.List;
import org.truce.sensing.AcceptedObservation;

/**
 * Payload of an {@link EntryKind#OBSERVATION_BATCH} entry: consecutive accepted observations.
 *
 * @param firstSeq sequence number of the first observation in the accepted-input log
 * @param lastSeq  sequence number of the last one
 */
public record ObservationBatch(long firstSeq, long lastSeq, List<AcceptedObservation> observations) {
    public ObservationBatch {
        observations = List.copyOf(observations);
        if (observations.isEmpty()) throw new IllegalArgumentException("an observation batch is never empty");
        if (observations.get(0).seq() != firstSeq || observations.get(observations.size() - 1).seq() != lastSeq) {
            throw new IllegalArgumentException("firstSeq/lastSeq do not match the observations");
        }
    }

    public static ObservationBatch of(List<AcceptedObservation> observations) {
        return new ObservationBatch(observations.get(0).seq(), observations.get(observations.size() - 1).seq(),
                observations);
    }
}
