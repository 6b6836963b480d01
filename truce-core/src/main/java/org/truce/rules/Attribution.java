package org.truce.rules;

import java.util.Optional;
import org.truce.ground.PartyId;
import org.truce.fusion.Track;

/**
 * A party estimate with its probability; the party is present only at or above the configured confidence.
 * Immutable.
 */
public record Attribution(Optional<PartyId> party, double confidence) {
    public static final Attribution NONE = new Attribution(Optional.empty(), 0);

    /** A candidate party with probability {@code p}, kept only if {@code p >= threshold}. */
    public static Attribution of(PartyId candidate, double p, double threshold) {
        return new Attribution(p >= threshold ? Optional.of(candidate) : Optional.empty(), p);
    }

    /** The track's side if its confidence reaches {@code threshold}; the raw confidence either way. */
    public static Attribution ofTrack(Track t, double threshold) {
        return t.side().map(p -> of(p, t.sideConfidence(), threshold))
                .orElse(new Attribution(Optional.empty(), t.sideConfidence()));
    }

    /** "AM" or "undetermined party", for summaries. */
    public String label() {
        return party.map(PartyId::value).orElse("undetermined party");
    }
}
