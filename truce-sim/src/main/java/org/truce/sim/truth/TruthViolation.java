package org.truce.sim.truth;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.truce.ground.ContingentId;
import org.truce.ground.PartyId;
import org.truce.ground.ProvisionId;
import org.truce.ground.RuleId;
import org.truce.geo.GeoPoint;

/**
 * A violation that really happened in the simulated theater. Immutable.
 *
 * @param id          {@code V-<n>}, in order of start
 * @param subject     the violator: a unit id, an asset id, or {@code FIRE-<n>} for a fire violation
 * @param party       the violating party (units, fire), if any
 * @param contingent  the violating contingent (assets), if any
 * @param place       where it happened: the farthest point beyond the line, or the firing position
 * @param otherPlaces further places of the same violation: the violator's true positions while violating (one a
 *                    minute), or the impacts of a fire violation
 * @param injected    planned by the simulator (false = it arose from legitimate behaviour, which should not happen)
 * @param trueReports reports the sensors emitted about the violator while it was violating
 * @param observable  the sensors gave the center enough to see it (see docs/simulation.md)
 */
public record TruthViolation(String id, RuleId rule, String ruleType, ProvisionId provision, String subject,
                             Optional<PartyId> party, Optional<ContingentId> contingent, Instant start, Instant end,
                             GeoPoint place, List<GeoPoint> otherPlaces, boolean injected, int trueReports,
                             boolean observable) {
    public TruthViolation {
        Objects.requireNonNull(id); Objects.requireNonNull(rule); Objects.requireNonNull(ruleType);
        Objects.requireNonNull(provision); Objects.requireNonNull(subject); Objects.requireNonNull(party);
        Objects.requireNonNull(contingent); Objects.requireNonNull(start); Objects.requireNonNull(end);
        Objects.requireNonNull(place);
        otherPlaces = List.copyOf(otherPlaces);
        if (end.isBefore(start)) throw new IllegalArgumentException("violation end before start");
    }
}
