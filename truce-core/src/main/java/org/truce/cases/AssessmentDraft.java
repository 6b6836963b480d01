package org.truce.cases;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.truce.ground.PartyId;
import org.truce.ground.ProvisionId;

/**
 * What an assessor submits; {@link Casework} adds the contingent, author and time from the principal and clock,
 * so nobody can submit for another contingent or backdate. Immutable.
 */
public record AssessmentDraft(Happened happened, ProvisionId provision, Optional<PartyId> attribution,
                              double confidence, List<String> evidence, String text) {
    public AssessmentDraft {
        Objects.requireNonNull(happened); Objects.requireNonNull(provision); Objects.requireNonNull(attribution);
        Objects.requireNonNull(text);
        evidence = List.copyOf(evidence);
    }
}
