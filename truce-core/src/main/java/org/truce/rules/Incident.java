package org.truce.rules;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.truce.ground.PartyId;
import org.truce.ground.ProvisionId;
import org.truce.ground.RuleId;
import org.truce.ground.ZoneId;
import org.truce.geo.GeoPoint;

/**
 * A possible violation raised by a rule. An ongoing violation is one incident that grows
 * ({@code end}, {@code evidence}, {@code place} change); each change is a new record with the same id.
 *
 * @param id                    readable, e.g. {@code INC-2020-11-14-0042} (date of {@code start}, UTC)
 * @param provisionVersion      the version of the provision in force when the incident started
 * @param ruleType              {@code cease-fire}, {@code withdraw-by}, …
 * @param subject               what the incident is about: a track id, an asset id, or a fire-event key
 * @param place                 best estimate of where, WGS 84
 * @param uncertaintyM          radius (metres) of a circle around {@code place} holding 95 % (for a located fire event,
 *                              its error ellipse's semi-major axis: see {@code fire} for the ellipse itself)
 * @param party                 the party concerned, only when attributable above the configured confidence
 * @param attributionConfidence probability that {@code party} is right; the raw estimate even when {@code party} is empty
 * @param evidence              ids of the accepted observations behind it, oldest first
 * @param fire                  for a cease-fire incident: where its fire event was, the 95 % error ellipse, the cues,
 *                              the launch and the probability of each side; empty for other rules
 */
public record Incident(String id, ProvisionId provision, int provisionVersion, RuleId rule, String ruleType,
                       ZoneId zone, Instant start, Instant end, GeoPoint place, double uncertaintyM,
                       Optional<PartyId> party, double attributionConfidence, String subject, String summary,
                       IncidentState state, List<String> evidence, Optional<FireLocation> fire) {
    /** An incident without a located fire event (every rule but cease-fire). */
    public Incident(String id, ProvisionId provision, int provisionVersion, RuleId rule, String ruleType,
                    ZoneId zone, Instant start, Instant end, GeoPoint place, double uncertaintyM,
                    Optional<PartyId> party, double attributionConfidence, String subject, String summary,
                    IncidentState state, List<String> evidence) {
        this(id, provision, provisionVersion, rule, ruleType, zone, start, end, place, uncertaintyM, party,
                attributionConfidence, subject, summary, state, evidence, Optional.empty());
    }

    public Incident {
        Objects.requireNonNull(id); Objects.requireNonNull(provision); Objects.requireNonNull(rule);
        Objects.requireNonNull(ruleType); Objects.requireNonNull(zone); Objects.requireNonNull(start);
        Objects.requireNonNull(end); Objects.requireNonNull(place); Objects.requireNonNull(party);
        Objects.requireNonNull(subject); Objects.requireNonNull(summary); Objects.requireNonNull(state);
        Objects.requireNonNull(fire);
        evidence = List.copyOf(evidence);
        if (end.isBefore(start)) throw new IllegalArgumentException("incident end before start");
    }
}
