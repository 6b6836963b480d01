package org.truce.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.truce.fusion.Track;

/** Latest estimate of each track (a projection). Thread-safe. */
public interface TrackRepository {
    /** Inserts or replaces the track with the same id. */
    void save(Track track);

    /**
     * Inserts or replaces each track, in one transaction where the store has transactions; when the list holds an
     * id more than once, the last one wins. The pipeline writes the tracks of one group-committed batch with it.
     * This default saves them one by one.
     */
    default void saveAll(List<Track> tracks) {
        for (Track t : tracks) save(t);
    }

    Optional<Track> find(String id);

    /** Tracks updated at or after {@code since}, ordered by id. */
    List<Track> updatedSince(Instant since);
}
