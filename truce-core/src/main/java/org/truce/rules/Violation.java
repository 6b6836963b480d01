package org.truce.rules;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.truce.ground.PartyId;
import org.truce.geo.GeoPoint;

/**
 * One piece of evidence that a rule is being broken, as an evaluator sees it; the {@link IncidentBook} turns
 * violations with the same (rule, subject) into one growing incident. Immutable.
 *
 * @param subject       a track id, an asset id or a fire-event key
 * @param time          when the violating state was observed (UTC)
 * @param sigmaM        1-sigma circular uncertainty of {@code place}, metres
 * @param party         the party concerned, only when attributable above the configured confidence
 * @param attributionConfidence the raw estimate behind {@code party}, even when it is empty
 * @param description   short English text for the incident summary
 * @param observationId the accepted observation this violation rests on
 * @param newEpisode    true when this starts a new episode (a crossing, an excursion): any open incident of the
 *                      same rule and subject is closed and a new one opened
 * @param fire          the located fire event, for cease-fire violations
 */
public record Violation(RuleBinding binding, String subject, Instant time, GeoPoint place, double sigmaM,
                        Optional<PartyId> party, double attributionConfidence, String description,
                        String observationId, boolean newEpisode, Optional<FireLocation> fire) {
    /** A violation without a located fire event. */
    public Violation(RuleBinding binding, String subject, Instant time, GeoPoint place, double sigmaM,
                     Optional<PartyId> party, double attributionConfidence, String description, String observationId,
                     boolean newEpisode) {
        this(binding, subject, time, place, sigmaM, party, attributionConfidence, description, observationId,
                newEpisode, Optional.empty());
    }

    public Violation {
        Objects.requireNonNull(binding); Objects.requireNonNull(subject); Objects.requireNonNull(time);
        Objects.requireNonNull(place); Objects.requireNonNull(party); Objects.requireNonNull(description);
        Objects.requireNonNull(observationId); Objects.requireNonNull(fire);
        if (!(sigmaM >= 0)) throw new IllegalArgumentException("sigmaM must be >= 0");
    }
}
