package org.truce.ledger;

import java.util.Objects;
import org.truce.rules.Incident;

/**
 * Payload of an {@link EntryKind#INCIDENT} entry: one record of an incident as the pipeline published it.
 *
 * @param opened true for the first record of the incident, false when it grew or closed
 */
public record IncidentChange(boolean opened, Incident incident) {
    public IncidentChange {
        Objects.requireNonNull(incident);
    }
}
