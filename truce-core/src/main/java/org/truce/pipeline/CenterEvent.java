package org.truce.pipeline;

import java.util.Objects;
import org.truce.fusion.Track;
import org.truce.rules.Incident;
import org.truce.sensing.AcceptedObservation;

/** What the pipeline tells its listeners (live map, ledger, CoT out). */
public sealed interface CenterEvent {
    record ObservationAccepted(AcceptedObservation observation) implements CenterEvent {
        public ObservationAccepted { Objects.requireNonNull(observation); }
    }

    record TrackUpdated(Track track) implements CenterEvent {
        public TrackUpdated { Objects.requireNonNull(track); }
    }

    /** @param opened true for the first record of a new incident, false when it grew or closed */
    record IncidentChanged(Incident incident, boolean opened) implements CenterEvent {
        public IncidentChanged { Objects.requireNonNull(incident); }
    }
}
