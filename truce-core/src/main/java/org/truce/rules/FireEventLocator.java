package org.truce.rules;

import java.util.Objects;
import java.util.Optional;
import org.truce.ground.ZoneId;
import org.truce.sensing.Asset;
import org.truce.sensing.Observation.FireCue;

/**
 * Fire events located from the cues of every sensor, inside one theater: the cue grouping, location and episode
 * logic of the cease-fire rule ({@link FireEvents}), on its own and whatever provision is in force, so that located
 * events are facts of their own (the fire-event location stage of the center's topology). An event is reported once
 * it is corroborated ({@link CeaseFireEvaluator#MIN_CUES} cues) and again with each cue that joins it.
 *
 * <p>Deterministic for a given call sequence; not thread-safe.
 */
public final class FireEventLocator {
    private final FireEvents events;
    private final ZoneId theater;

    /** Locates events placed inside {@code theater}. */
    public FireEventLocator(RuleContext ctx, ZoneId theater) {
        this.events = new FireEvents(Objects.requireNonNull(ctx, "ctx"));
        this.theater = Objects.requireNonNull(theater, "theater");
        if (!ctx.agreement().zones().containsKey(theater)) {
            throw new IllegalArgumentException("theater " + theater + " is not a zone of the agreement");
        }
    }

    /**
     * Takes one fire cue; returns the event it belongs to when that event is corroborated and inside the theater.
     *
     * @param asset the reporting asset, empty when it is no longer registered
     */
    public Optional<LocatedFireEvent> add(FireCue cue, Optional<Asset> asset, String observationId) {
        return events.add(cue, asset, observationId, theater).map(r -> new LocatedFireEvent(r.key(), cue.time(),
                r.totalCues(), r.location(),
                r.attribution(), r.cues().stream().map(FireEvents.Reported::observationId).toList()));
    }

    /** The locator's whole state (cues of the grouping window, shots, episodes), an immutable value. */
    public static final class Snapshot {
        private final FireEvents.Snapshot events;

        private Snapshot(FireEvents.Snapshot events) {
            this.events = events;
        }
    }

    public Snapshot snapshot() {
        return new Snapshot(events.snapshot());
    }

    /** Puts this locator (same context and theater) into the state of {@code s}. */
    public void restore(Snapshot s) {
        events.restore(Objects.requireNonNull(s, "snapshot").events);
    }
}
