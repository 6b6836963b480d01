package org.truce.cases;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.truce.ground.ContingentId;
import org.truce.ground.PartyId;
import org.truce.ground.ProvisionId;

/**
 * One contingent's independent judgement of an incident. Immutable once submitted; blind to the other contingents
 * until {@link Visibility} lifts the blind.
 *
 * @param author      user id of the submitting analyst or officer
 * @param provision   the provision the assessor holds to be at stake
 * @param attribution the party held responsible; only when {@code happened} is YES
 * @param confidence  probability in [0, 1] that {@code attribution} is right (0 when there is none)
 * @param evidence    observation ids the assessor relied on
 * @param submitted   when it was submitted (UTC, from the center clock)
 */
public record Assessment(ContingentId contingent, String author, Happened happened, ProvisionId provision,
                         Optional<PartyId> attribution, double confidence, List<String> evidence, String text,
                         Instant submitted) {
    public Assessment {
        Objects.requireNonNull(contingent, "contingent"); Objects.requireNonNull(author, "author");
        Objects.requireNonNull(happened, "happened"); Objects.requireNonNull(provision, "provision");
        Objects.requireNonNull(attribution, "attribution"); Objects.requireNonNull(text, "text");
        Objects.requireNonNull(submitted, "submitted");
        evidence = List.copyOf(evidence);
        if (!(confidence >= 0.0 && confidence <= 1.0)) {
            throw new IllegalArgumentException("assessment.confidence must be in [0, 1], was " + confidence);
        }
        if (attribution.isPresent() && happened != Happened.YES) {
            throw new IllegalArgumentException("assessment.attribution: only a violation that happened (YES) is attributed, "
                    + "happened was " + happened);
        }
    }
}
