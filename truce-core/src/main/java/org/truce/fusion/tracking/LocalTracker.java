package org.truce.fusion.tracking;

import java.time.Instant;
import java.util.List;

/**
 * A multi-target tracker in a local metric frame, fed one scan at a time.
 *
 * <p>Contract: scan times never decrease; a scan holds the detections the caller gathered for time {@code t}
 * (typically one sensor sweep or a short time bin). Given the same sequence of scans, an implementation returns the
 * same estimates with the same ids. Implementations keep state and are not thread-safe.
 */
public interface LocalTracker {
    /**
     * Advances the tracker to {@code t}, associating the scan's detections with the tracks.
     *
     * @param scan detections for time {@code t}, in any order; may be empty (the tracks coast)
     * @param t    scan time, not before the previous scan's
     * @return every live track's estimate at {@code t}, plus the tracks deleted by this scan (status DELETED),
     *         ordered by creation
     * @throws IllegalArgumentException if {@code t} goes back in time
     */
    List<TrackEstimate> process(List<LocalDetection> scan, Instant t);
}
