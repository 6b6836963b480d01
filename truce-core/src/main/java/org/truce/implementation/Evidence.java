package org.truce.implementation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.truce.ground.ZoneId;
import org.truce.rules.IncidentState;

/** What a status change rests on: incidents, coverage, or an amendment. Immutable values. */
public sealed interface Evidence {

    /**
     * An incident of the rule.
     *
     * @param end   the incident's last evidence as known when the timeline was computed (never after its instant)
     * @param state OPEN when it still stood at the timeline's instant
     */
    record IncidentRef(String id, Instant start, Instant end, IncidentState state) implements Evidence {
        public IncidentRef {
            Objects.requireNonNull(id); Objects.requireNonNull(start); Objects.requireNonNull(end);
            Objects.requireNonNull(state);
        }
    }

    /**
     * Coverage of a zone over [from, to): the combined probability that a unit present there would have been
     * detected, and the assets that looked (sorted).
     */
    record CoverageRef(ZoneId zone, Instant from, Instant to, double probability, List<String> assets)
            implements Evidence {
        public CoverageRef {
            Objects.requireNonNull(zone); Objects.requireNonNull(from); Objects.requireNonNull(to);
            assets = List.copyOf(assets);
        }
    }

    /** The provision version (amendment) that changed the rule, with its adoption date and source. */
    record AmendmentRef(int version, LocalDate adopted, String source) implements Evidence {
        public AmendmentRef {
            Objects.requireNonNull(adopted); Objects.requireNonNull(source);
        }
    }
}
