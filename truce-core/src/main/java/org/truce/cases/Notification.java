package org.truce.cases;

import java.time.Instant;
import java.util.Objects;
import org.truce.ground.PartyId;

/** A message to a party about its allegation's outcome. Immutable. */
public record Notification(PartyId recipient, AllegationId allegation, AllegationStatus status, Instant at,
                           String message) {
    public Notification {
        Objects.requireNonNull(recipient); Objects.requireNonNull(allegation); Objects.requireNonNull(status);
        Objects.requireNonNull(at); Objects.requireNonNull(message);
    }
}
