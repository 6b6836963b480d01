package org.truce.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.truce.sensing.AcceptedObservation;
import org.truce.sensing.AssetId;
import org.truce.sensing.Observation;
import org.truce.store.ObservationLog;
import org.truce.store.ObservationQuery;
import org.truce.store.Page;

/**
 * The accepted-input log in table {@code observations}. Sequence numbers come from the single row of
 * {@code log_head}: an append increments it and inserts the entry in one transaction, so the row lock orders
 * appenders (across processes too, on a shared server) and a rolled-back append leaves no gap. Within this
 * process a fair lock queues appenders so they do not wait on the database's lock timeout. Thread-safe.
 */
final class JdbcObservationLog implements ObservationLog {
    private static final String COLUMNS = "seq, id, received_ns, channel, body";

    private final Jdbc jdbc;
    private final Bodies bodies;
    private final ReentrantLock appendLock = new ReentrantLock(true);

    JdbcObservationLog(Jdbc jdbc, Bodies bodies) {
        this.jdbc = jdbc;
        this.bodies = bodies;
    }

    @Override
    public AcceptedObservation append(Instant received, String channel, Observation observation) {
        long receivedNs = EpochNanos.of(received, "received");
        long timeNs = EpochNanos.of(observation.time(), "observation time");
        String body = bodies.write(observation, Observation.class);
        appendLock.lock();
        try {
            return jdbc.transaction("append to the observation log", c -> {
                long seq = nextSeq(c);
                String id = AcceptedObservation.idFor(seq);
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO observations "
                        + "(seq, id, asset, kind, time_ns, received_ns, channel, body) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                    Jdbc.bind(ps, seq, id, observation.asset().value(), observation.kind(), timeNs, receivedNs,
                            channel, body);
                    ps.executeUpdate();
                }
                return new AcceptedObservation(seq, id, received, channel, observation);
            });
        } finally {
            appendLock.unlock();
        }
    }

    private static long nextSeq(Connection c) throws SQLException {
        try (PreparedStatement up = c.prepareStatement("UPDATE log_head SET last_seq = last_seq + 1 WHERE id = 1")) {
            if (up.executeUpdate() != 1) throw new SQLException("the log_head row is missing");
        }
        try (PreparedStatement q = c.prepareStatement("SELECT last_seq FROM log_head WHERE id = 1");
             ResultSet rs = q.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Override
    public long size() {
        return jdbc.count("SELECT last_seq FROM log_head WHERE id = 1");
    }

    @Override
    public List<AcceptedObservation> read(long fromSeq, int limit) {
        if (limit < 0) throw new IllegalArgumentException("limit must be >= 0, was " + limit);
        if (limit == 0) return List.of();
        return jdbc.list("SELECT " + COLUMNS + " FROM observations WHERE seq >= ? ORDER BY seq FETCH FIRST ? ROWS ONLY",
                this::row, fromSeq, limit);
    }

    @Override
    public Optional<AcceptedObservation> find(String id) {
        return jdbc.first("SELECT " + COLUMNS + " FROM observations WHERE id = ?", this::row, id);
    }

    @Override
    public Page<AcceptedObservation> query(ObservationQuery q) {
        List<String> where = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        q.asset().ifPresent(a -> { where.add("asset = ?"); params.add(a.value()); });
        q.kind().ifPresent(k -> { where.add("kind = ?"); params.add(k); });
        q.from().ifPresent(f -> { where.add("time_ns >= ?"); params.add(EpochNanos.of(f, "from")); });
        q.to().ifPresent(t -> { where.add("time_ns < ?"); params.add(EpochNanos.of(t, "to")); });
        String filter = where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where);

        long total = jdbc.count("SELECT COUNT(*) FROM observations" + filter, params.toArray());
        List<Object> paged = new ArrayList<>(params);
        paged.add(q.offset());
        paged.add(q.limit());
        List<AcceptedObservation> items = jdbc.list("SELECT " + COLUMNS + " FROM observations" + filter
                + " ORDER BY seq OFFSET ? ROWS FETCH NEXT ? ROWS ONLY", this::row, paged.toArray());
        return new Page<>(items, total, q.offset(), q.limit());
    }

    /**
     * Served by index {@code observations_asset_kind_seq} (V7): one index probe, whatever the log's size. The ORDER BY
     * names every index column because H2 otherwise reads all of the asset's entries of that kind and sorts them.
     */
    @Override
    public Optional<AcceptedObservation> latest(AssetId asset, String kind) {
        return jdbc.first("SELECT " + COLUMNS + " FROM observations WHERE asset = ? AND kind = ? "
                + "ORDER BY asset, kind, seq DESC FETCH FIRST 1 ROWS ONLY", this::row, asset.value(), kind);
    }

    private AcceptedObservation row(ResultSet rs) throws SQLException {
        long seq = rs.getLong("seq");
        Observation o = bodies.read(rs.getString("body"), Observation.class, "observations", seq);
        return new AcceptedObservation(seq, rs.getString("id"), EpochNanos.toInstant(rs.getLong("received_ns")),
                rs.getString("channel"), o);
    }
}
