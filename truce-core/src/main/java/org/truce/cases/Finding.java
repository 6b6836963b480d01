package org.truce.cases;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.truce.ground.PartyId;
import org.truce.ground.ProvisionId;

/**
 * The joint outcome every contingent agreed to. Immutable.
 *
 * @param attribution party held responsible, only for CONFIRMED and only above the attribution threshold
 * @param confidence  the lowest confidence any contingent gave the attribution (0 without attribution)
 * @param provisions  the provisions found at stake
 * @param evidence    union of the observation ids the contingents cited, sorted
 */
public record Finding(Verdict verdict, Optional<PartyId> attribution, double confidence, List<ProvisionId> provisions,
                      List<String> evidence, Basis basis) implements Outcome {
    /** How the contingents came to agree. */
    public enum Basis { MATCHING_ASSESSMENTS, RECONCILED }

    public Finding {
        Objects.requireNonNull(verdict); Objects.requireNonNull(attribution); Objects.requireNonNull(basis);
        provisions = List.copyOf(provisions);
        evidence = List.copyOf(evidence);
        if (!(confidence >= 0.0 && confidence <= 1.0)) throw new IllegalArgumentException("finding.confidence not in [0, 1]: " + confidence);
        if (attribution.isPresent() && verdict != Verdict.CONFIRMED) {
            throw new IllegalArgumentException("finding.attribution: only a CONFIRMED finding is attributed");
        }
        if (provisions.isEmpty()) throw new IllegalArgumentException("finding.provisions must name at least one provision");
    }
}
