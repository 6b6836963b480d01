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
import org.truce.ground.AssetId;
import org.truce.sensing.Observation;
import org.truce.store.ObservationLog;
import org.truce.store.ObservationLog.Arrival;
import org.truce.store.ObservationQuery;
import org.truce.store.Page;

/**
 * The accepted-input log in table {@code observations}. Sequence numbers come from the single row of
 * {@code log_head}: an append increments it and inserts the entry in one transaction, so the row lock orders
 * appenders (across processes too, on a shared server) and a rolled-back append leaves no gap. Within this
 * process a fair lock queues appenders so they do not wait on the database's lock timeout. A batch
 * ({@link #appendAll}) moves the head once and inserts its rows as one JDBC batch in the same transaction, so a
 * group of observations costs one commit. Thread-safe.
 */
final class JdbcObservationLog implements ObservationLog {
    private static final String COLUMNS = "seq, received_ns, channel, body";

    private final Jdbc jdbc;
    private final Bodies bodies;
    private final ReentrantLock appendLock = new ReentrantLock(true);

    JdbcObservationLog(Jdbc jdbc, Bodies bodies) {
        this.jdbc = jdbc;
        this.bodies = bodies;
    }

    @Override
    public AcceptedObservation append(Instant received, String channel, Observation observation) {
        return appendAll(List.of(new Arrival(received, channel, observation))).getFirst();
    }

    /**
     * One transaction for the whole list: the head moves by its size once, the rows go in as one JDBC batch. The
     * bodies are serialised before the lock is taken, so appenders queue only for the database work.
     */
    @Override
    public List<AcceptedObservation> appendAll(List<Arrival> arrivals) {
        int n = arrivals.size();
        if (n == 0) return List.of();
        Object[][] rows = new Object[n][];
        for (int i = 0; i < n; i++) {
            Arrival a = arrivals.get(i);
            Observation o = a.observation();
            String where = n == 1 ? "" : " of entry " + i + " of " + n;
            rows[i] = new Object[] {o.asset().value(), o.kind(), EpochNanos.of(o.time(), "observation time" + where),
                    EpochNanos.of(a.received(), "received" + where), a.channel(), bodies.write(o, Observation.class)};
        }
        appendLock.lock();
        try {
            return jdbc.transaction(n == 1 ? "append to the observation log"
                    : "append " + n + " entries to the observation log", c -> {
                long first = advanceHead(c, n);
                List<AcceptedObservation> out = new ArrayList<>(n);
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO observations "
                        + "(seq, asset, kind, time_ns, received_ns, channel, body) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                    for (int i = 0; i < n; i++) {
                        long seq = first + i;
                        Object[] r = rows[i];
                        Jdbc.bind(ps, seq, r[0], r[1], r[2], r[3], r[4], r[5]);
                        ps.addBatch();
                        Arrival a = arrivals.get(i);
                        out.add(new AcceptedObservation(seq, AcceptedObservation.idFor(seq), a.received(), a.channel(),
                                a.observation()));
                    }
                    ps.executeBatch();
                }
                return List.copyOf(out);
            });
        } finally {
            appendLock.unlock();
        }
    }

    /** Moves the head by {@code n} under its row lock; returns the first of the {@code n} sequence numbers taken. */
    private static long advanceHead(Connection c, int n) throws SQLException {
        try (PreparedStatement up = c.prepareStatement("UPDATE log_head SET last_seq = last_seq + ? WHERE id = 1")) {
            up.setLong(1, n);
            if (up.executeUpdate() != 1) throw new SQLException("the log_head row is missing");
        }
        try (PreparedStatement q = c.prepareStatement("SELECT last_seq FROM log_head WHERE id = 1");
             ResultSet rs = q.executeQuery()) {
            rs.next();
            return rs.getLong(1) - n + 1;
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
        // The id is OBS-<seq> (schema 6 keeps no id column): look up the seq, and only by the id's one spelling.
        if (!id.startsWith("OBS-")) return Optional.empty();
        long seq;
        try {
            seq = Long.parseLong(id.substring(4));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        if (seq < 1 || !AcceptedObservation.idFor(seq).equals(id)) return Optional.empty();
        return jdbc.first("SELECT " + COLUMNS + " FROM observations WHERE seq = ?", this::row, seq);
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
        return new AcceptedObservation(seq, AcceptedObservation.idFor(seq), EpochNanos.toInstant(rs.getLong("received_ns")),
                rs.getString("channel"), o);
    }
}
