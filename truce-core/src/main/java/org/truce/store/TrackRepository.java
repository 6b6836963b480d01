package org.truce.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.truce.fusion.Track;

/** Latest estimate of each track (a projection). Thread-safe. */
public interface TrackRepository {
    /** Inserts or replaces the track with the same id. */
    void save(Track track);

    Optional<Track> find(String id);

    /** Tracks updated at or after {@code since}, ordered by id. */
    List<Track> updatedSince(Instant since);
}
