package org.truce.rules;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A fire event (a launch, an impact, a barrage from one place) located from its cues, as the fire-event location stage
 * reports it each time a corroborated event gains cues: the same event keeps its id and is reported again, better
 * placed. Immutable.
 *
 * @param id          stable id, {@code fire:<first observation>} (the subject of a cease-fire incident about it)
 * @param time        the time of the cue that made this report (UTC)
 * @param cues        how many cues the event holds in all
 * @param location    where it was, with its 95 % ellipse, the launch and the probability of each side of the line
 * @param attribution the party the launch points to, when it reaches the attribution confidence
 * @param newCues     ids of the observations that joined the event since it was last reported, in arrival order
 */
public record LocatedFireEvent(String id, Instant time, int cues, FireLocation location, Attribution attribution,
                               List<String> newCues) {
    public LocatedFireEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(attribution, "attribution");
        newCues = List.copyOf(newCues);
        if (cues < 1) throw new IllegalArgumentException("cues must be >= 1, got " + cues);
    }
}
