package org.truce.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Thin JDBC plumbing over a pooled {@link DataSource}: one connection per call, parameters bound in order
 * ({@code null} binds SQL NULL), every {@link SQLException} turned into a {@link StoreException} naming the
 * database and the statement. Thread-safe as the pool is.
 */
final class Jdbc {
    /** Maps the current row of a result set. */
    @FunctionalInterface
    interface Row<T> {
        T map(ResultSet rs) throws SQLException;
    }

    /** Work done on one connection inside a transaction. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /** SQLSTATE of a unique-key violation (standard, used by H2 and PostgreSQL). */
    private static final String UNIQUE_VIOLATION = "23505";
    private static final int UPSERT_ATTEMPTS = 3;

    private final DataSource dataSource;
    private final Dialect dialect;
    private final String database;

    Jdbc(DataSource dataSource, Dialect dialect, String database) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.database = database;
    }

    String database() {
        return database;
    }

    <T> List<T> list(String sql, Row<T> row, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                List<T> out = new ArrayList<>();
                while (rs.next()) out.add(row.map(rs));
                return out;
            }
        } catch (SQLException e) {
            throw failure(sql, e);
        }
    }

    <T> Optional<T> first(String sql, Row<T> row, Object... params) {
        List<T> all = list(sql, row, params);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.getFirst());
    }

    long count(String sql, Object... params) {
        return first(sql, rs -> rs.getLong(1), params).orElseThrow();
    }

    int update(String sql, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw failure(sql, e);
        }
    }

    /**
     * Inserts or replaces the row whose {@code key} column equals {@code values[0]}. Auto-committed. A
     * concurrent insert of the same new key may make one statement fail on the unique key; it is retried, and
     * then finds the row and replaces it.
     */
    void upsert(String table, String key, List<String> columns, Object... values) {
        String sql = dialect.upsert(table, key, columns);
        for (int attempt = 1; ; attempt++) {
            try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
                bind(ps, values);
                ps.executeUpdate();
                return;
            } catch (SQLException e) {
                if (!UNIQUE_VIOLATION.equals(e.getSQLState()) || attempt == UPSERT_ATTEMPTS) throw failure(sql, e);
            }
        }
    }

    /**
     * Inserts or replaces every row (each {@code values[0]} is its key) in one transaction, as one JDBC batch.
     * Rows must have distinct keys (a PostgreSQL batch rewritten into one multi-row statement cannot upsert a key
     * twice). Like {@link #upsert}, a concurrent insert of a new key is retried.
     */
    void upsertAll(String table, String key, List<String> columns, List<Object[]> rows) {
        if (rows.isEmpty()) return;
        String sql = dialect.upsert(table, key, columns);
        for (int attempt = 1; ; attempt++) {
            try {
                transaction("upsert " + rows.size() + " rows into " + table, c -> {
                    try (PreparedStatement ps = c.prepareStatement(sql)) {
                        for (Object[] row : rows) {
                            bind(ps, row);
                            ps.addBatch();
                        }
                        ps.executeBatch();
                    }
                    return null;
                });
                return;
            } catch (StoreException e) {
                if (!(e.getCause() instanceof SQLException s && isUniqueViolation(s)) || attempt == UPSERT_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    /** A unique-key violation, also when a driver reports it as the next exception of a failed batch. */
    private static boolean isUniqueViolation(SQLException e) {
        for (SQLException s = e; s != null; s = s.getNextException()) {
            if (UNIQUE_VIOLATION.equals(s.getSQLState())) return true;
        }
        return false;
    }

    /** Runs {@code work} in one transaction; returns only after the commit, rolls back on any failure. */
    <T> T transaction(String what, Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(c, e);
                throw e;
            }
            // The pool restores auto-commit when the connection goes back.
        } catch (SQLException e) {
            throw failure(what, e);
        }
    }

    static void bind(PreparedStatement ps, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            if (params[i] == null) {
                ps.setNull(i + 1, Types.NULL);
            } else {
                ps.setObject(i + 1, params[i]);
            }
        }
    }

    StoreException failure(String what, SQLException e) {
        return new StoreException(what + " failed on " + database + ": " + e.getMessage()
                + " (SQLSTATE " + e.getSQLState() + ")", e);
    }

    private static void rollbackQuietly(Connection c, Exception cause) {
        try {
            c.rollback();
        } catch (SQLException r) {
            cause.addSuppressed(r);
        }
    }
}
