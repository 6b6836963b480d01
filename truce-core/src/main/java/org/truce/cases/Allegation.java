package org.truce.cases;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.truce.ground.PartyId;
import org.truce.ground.ProvisionId;

/**
 * A claim of violation filed by a party's liaison officer. The claim itself never changes; only {@code status},
 * {@code matchedIncidents} and {@code reason} follow the review. Immutable.
 *
 * @param from, to          the alleged interval (UTC); a moment when equal
 * @param sources           where the party's claim comes from (witnesses, media links, …)
 * @param matchedIncidents  ids of incidents matched at the last review
 * @param reason            why the status is what it is, in words
 */
public record Allegation(AllegationId id, PartyId filedBy, String filer, Instant filed, Instant from, Instant to,
                         Area area, String description, ProvisionId provision, List<String> sources,
                         AllegationStatus status, List<String> matchedIncidents, String reason) {
    public Allegation {
        Objects.requireNonNull(id); Objects.requireNonNull(filedBy); Objects.requireNonNull(filer);
        Objects.requireNonNull(filed); Objects.requireNonNull(from); Objects.requireNonNull(to);
        Objects.requireNonNull(area); Objects.requireNonNull(provision); Objects.requireNonNull(status);
        Objects.requireNonNull(reason);
        if (description == null || description.isBlank()) throw new IllegalArgumentException("allegation.description must not be blank");
        if (to.isBefore(from)) throw new IllegalArgumentException("allegation.to " + to + " is before allegation.from " + from);
        sources = List.copyOf(sources);
        matchedIncidents = List.copyOf(matchedIncidents);
    }

    public Allegation reviewed(AllegationStatus newStatus, List<String> incidents, String why) {
        return new Allegation(id, filedBy, filer, filed, from, to, area, description, provision, sources, newStatus,
                incidents, why);
    }
}
