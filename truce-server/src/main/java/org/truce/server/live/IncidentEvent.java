package org.truce.server.live;

import java.util.Objects;
import org.truce.rules.Incident;

/**
 * Payload of the {@code incident} live event.
 *
 * @param opened true for the first record of a new incident, false when it grew or closed
 */
public record IncidentEvent(boolean opened, Incident incident) {
    public IncidentEvent {
        Objects.requireNonNull(incident);
    }
}
