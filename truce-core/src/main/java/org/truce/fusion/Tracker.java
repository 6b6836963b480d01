package org.truce.fusion;

import java.time.Instant;
import java.util.List;
import org.truce.sensing.Observation;

/**
 * Associates detections from all assets into {@link Track}s. Implementations are deterministic (same calls in
 * the same order give the same tracks and ids) and not thread-safe: the pipeline calls them from one thread.
 */
public interface Tracker {
    /**
     * Feeds one accepted detection.
     *
     * @param observationId the accepted observation's id ({@code OBS-<seq>}), kept as track evidence
     * @return the new estimate of the track the detection was assigned to (created if none gated)
     */
    Track update(String observationId, Observation.Detection detection);

    /** Deletes tracks that coasted too long by {@code now}; returns their final records (status DELETED). */
    List<Track> advanceTo(Instant now);

    /** Current estimates of all live (tentative or confirmed) tracks, ordered by id number. */
    List<Track> tracks();
}
