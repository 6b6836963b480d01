package org.truce.rules;

import java.util.Objects;

/**
 * A new record of an incident. Immutable.
 *
 * @param opened true for the first record of a new incident, false when it grew or closed
 */
public record IncidentChange(Incident incident, boolean opened) {
    public IncidentChange {
        Objects.requireNonNull(incident);
    }
}
