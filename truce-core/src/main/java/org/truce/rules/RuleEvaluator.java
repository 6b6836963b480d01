package org.truce.rules;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.truce.fusion.Track;
import org.truce.sensing.Asset;
import org.truce.sensing.Observation;

/**
 * Checks one rule against the stream of tracks, platform fixes and fire cues. One generic implementation per
 * {@link org.truce.agreement.RuleSpec} type, configured by the rule's data. Evaluators keep state (geofence
 * sides, clusters) and are told every input whether or not their version is in force, so their state is right
 * when it comes into force; the caller drops violations whose time falls outside the version's validity.
 * Not thread-safe; deterministic for a given call sequence.
 */
public interface RuleEvaluator {
    RuleBinding binding();

    /** A new estimate of a track (tentative or confirmed). */
    default List<Violation> onTrack(Track track, String observationId) {
        return List.of();
    }

    /** A position report of an asset. */
    default List<Violation> onFix(Observation.PlatformFix fix, Asset asset, String observationId) {
        return List.of();
    }

    /** A fire cue; {@code asset} is empty when the asset is no longer registered. */
    default List<Violation> onFireCue(Observation.FireCue cue, Optional<Asset> asset, String observationId) {
        return List.of();
    }

    /** Time passes to {@code now} (deadlines); {@code live} are the tracker's current tracks. */
    default List<Violation> advanceTo(Instant now, Collection<Track> live) {
        return List.of();
    }

    /** The track was deleted: drop any state about it. */
    default void forgetTrack(String trackId) {
    }

    /**
     * This evaluator's whole state (geofence sides, pending crossings, fire episodes, …) as a value that neither the
     * evaluator going on nor its holder can change; keyed by track, asset or episode as the state is.
     */
    State snapshot();

    /**
     * Puts this evaluator (built for the same binding and context) into the state of {@code state}.
     *
     * @throws IllegalArgumentException if the state is another kind of evaluator's
     */
    void restore(State state);

    /** An evaluator's snapshot: opaque, immutable, restorable any number of times. */
    interface State { }

    /** The evaluator's own kind of state, or a clear error naming both kinds. */
    static <T extends State> T expect(Class<T> type, State state, RuleBinding binding) {
        if (!type.isInstance(state)) {
            throw new IllegalArgumentException("evaluator of rule " + binding.rule().id() + " cannot restore a "
                    + (state == null ? "null" : state.getClass().getSimpleName()) + " (wants " + type.getSimpleName() + ")");
        }
        return type.cast(state);
    }
}
