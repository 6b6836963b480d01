package org.truce.store.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.truce.fusion.Track;
import org.truce.store.TrackRepository;

/** The latest estimate of each track in table {@code tracks}, indexed by estimate time. Thread-safe. */
final class JdbcTrackRepository implements TrackRepository {
    private static final List<String> COLUMNS = List.of("id", "time_ns", "body");

    private final Jdbc jdbc;
    private final Bodies bodies;

    JdbcTrackRepository(Jdbc jdbc, Bodies bodies) {
        this.jdbc = jdbc;
        this.bodies = bodies;
    }

    @Override
    public void save(Track track) {
        jdbc.upsert("tracks", "id", COLUMNS, row(track));
    }

    /** One transaction, one JDBC batch; a track listed twice is written once, as its last state. */
    @Override
    public void saveAll(List<Track> tracks) {
        Map<String, Object[]> last = new LinkedHashMap<>();
        for (Track t : tracks) last.put(t.id(), row(t));
        jdbc.upsertAll("tracks", "id", COLUMNS, List.copyOf(last.values()));
    }

    private Object[] row(Track track) {
        return new Object[] {track.id(), EpochNanos.of(track.time(), "track time of " + track.id()),
                bodies.write(track, Track.class)};
    }

    @Override
    public Optional<Track> find(String id) {
        return jdbc.first("SELECT id, body FROM tracks WHERE id = ?", this::row, id);
    }

    @Override
    public List<Track> updatedSince(Instant since) {
        return jdbc.list("SELECT id, body FROM tracks WHERE time_ns >= ? ORDER BY id", this::row,
                EpochNanos.of(since, "since"));
    }

    private Track row(ResultSet rs) throws SQLException {
        return bodies.read(rs.getString("body"), Track.class, "tracks", rs.getString("id"));
    }
}
