package org.truce.store.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.truce.ledger.CheckpointRecord;
import org.truce.ledger.CheckpointStore;
import org.truce.ledger.Hash;
import org.truce.ledger.KeyRecord;
import org.truce.ledger.LedgerStore;

/**
 * The transparency log's {@link LedgerStore} and {@link CheckpointStore} on JDBC (H2 by default), in the tables of
 * migration {@code V2__ledger.sql}. Every write commits before returning. Thread-safe: each call borrows its own
 * connection. {@link #close()} closes what this class opened ({@link #open}, {@link #forUrl}), nothing else.
 */
public final class JdbcLedgerStore implements LedgerStore, CheckpointStore, AutoCloseable {
    /** Where the H2 migrations live; the same location the rest of the store uses. */
    public static final String MIGRATIONS = "classpath:db/migration/h2";

    private final DataSource dataSource;
    private final java.util.Optional<AutoCloseable> owned;

    /** Uses a data source someone else owns and migrated. */
    public JdbcLedgerStore(DataSource dataSource) {
        this(dataSource, java.util.Optional.empty());
    }

    private JdbcLedgerStore(DataSource dataSource, java.util.Optional<AutoCloseable> owned) {
        this.dataSource = Objects.requireNonNull(dataSource);
        this.owned = owned;
    }

    /**
     * The log of a data directory, opened exactly as a center opens its store ({@link JdbcStore#h2}: same file,
     * account, durability settings, migrations and one-opener lock); {@link #close()} closes that store.
     */
    public static JdbcLedgerStore open(java.nio.file.Path dataDir) {
        JdbcStore store = JdbcStore.h2(dataDir);
        return new JdbcLedgerStore(store.dataSource(), java.util.Optional.of(store));
    }

    /**
     * Opens a pooled data source on {@code jdbcUrl} (e.g. {@code jdbc:h2:file:/var/truce/truce}), runs the Flyway
     * migrations in {@link #MIGRATIONS} (all of them, so the database is the same whoever opens it first) and
     * returns a store that closes the pool on {@link #close()}.
     */
    public static JdbcLedgerStore forUrl(String jdbcUrl) {
        HikariConfig cfg = new HikariConfig();
        cfg.setJdbcUrl(jdbcUrl);
        // The same account JdbcStore.h2 creates the database with, so either may open it first.
        cfg.setUsername("sa");
        cfg.setPassword("");
        cfg.setMaximumPoolSize(4);
        cfg.setPoolName("truce-ledger");
        HikariDataSource ds = new HikariDataSource(cfg);
        try {
            migrate(ds);
        } catch (RuntimeException e) {
            ds.close();
            throw e;
        }
        return new JdbcLedgerStore(ds, java.util.Optional.of(ds));
    }

    /** The JDBC URL of the H2 database in a data directory, as the rest of Truce opens it. */
    public static String h2Url(java.nio.file.Path dataDir) {
        return "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("truce");
    }

    /** Runs Truce's H2 migrations (this module's V1…, V2__ledger …) on {@code dataSource}. */
    public static void migrate(DataSource dataSource) {
        Flyway.configure().dataSource(dataSource).locations(MIGRATIONS).load().migrate();
    }

    @Override
    public void append(long index, byte[] entry, Hash leafHash) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("INSERT INTO ledger_entry(idx, entry, leaf_hash) VALUES (?, ?, ?)")) {
            ps.setLong(1, index);
            ps.setBytes(2, entry);
            ps.setBytes(3, leafHash.bytes());
            ps.executeUpdate();
        } catch (SQLIntegrityConstraintViolationException e) {
            throw new IllegalStateException("ledger entry " + index + " already exists (a second writer?)", e);
        } catch (SQLException e) {
            throw failure("append ledger entry " + index, e);
        }
    }

    @Override
    public long size() {
        return queryLong("SELECT COUNT(*) FROM ledger_entry");
    }

    @Override
    public Optional<byte[]> entry(long index) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT entry FROM ledger_entry WHERE idx = ?")) {
            ps.setLong(1, index);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getBytes(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw failure("read ledger entry " + index, e);
        }
    }

    @Override
    public List<StoredEntry> read(long fromIndex, int limit) {
        List<StoredEntry> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT idx, entry, leaf_hash FROM ledger_entry WHERE idx >= ? ORDER BY idx LIMIT ?")) {
            ps.setLong(1, fromIndex);
            ps.setInt(2, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new StoredEntry(rs.getLong(1), rs.getBytes(2), hashAt(rs, 3)));
                }
            }
        } catch (SQLException e) {
            throw failure("read ledger entries from " + fromIndex, e);
        }
        return out;
    }

    @Override
    public List<Hash> leafHashes(long fromIndex, int limit) {
        List<Hash> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT idx, leaf_hash FROM ledger_entry WHERE idx >= ? AND idx < ? ORDER BY idx")) {
            ps.setLong(1, fromIndex);
            ps.setLong(2, fromIndex + limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(hashAt(rs, 2));
            }
        } catch (SQLException e) {
            throw failure("read leaf hashes from " + fromIndex, e);
        }
        return out;
    }

    @Override
    public void addCheckpoint(CheckpointRecord checkpoint) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "INSERT INTO ledger_checkpoint(tree_size, signed_at, note) VALUES (?, ?, ?)")) {
            ps.setLong(1, checkpoint.treeSize());
            ps.setObject(2, OffsetDateTime.ofInstant(checkpoint.at(), ZoneOffset.UTC));
            ps.setString(3, checkpoint.note());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw failure("store checkpoint of tree size " + checkpoint.treeSize(), e);
        }
    }

    @Override
    public List<CheckpointRecord> checkpoints() {
        List<CheckpointRecord> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT tree_size, signed_at, note FROM ledger_checkpoint ORDER BY seq");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new CheckpointRecord(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant(),
                        rs.getString(3)));
            }
        } catch (SQLException e) {
            throw failure("read checkpoints", e);
        }
        return out;
    }

    /** From the newest back along the primary key: checkpoints are appended in signing order. */
    @Override
    public List<CheckpointRecord> latestCheckpoints(java.time.Instant notAfter, int limit) {
        if (limit < 1) throw new IllegalArgumentException("limit must be >= 1, was " + limit);
        List<CheckpointRecord> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT tree_size, signed_at, note FROM ledger_checkpoint"
                     + " WHERE signed_at <= ? ORDER BY seq DESC FETCH FIRST ? ROWS ONLY")) {
            ps.setObject(1, OffsetDateTime.ofInstant(notAfter, ZoneOffset.UTC));
            ps.setInt(2, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new CheckpointRecord(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant(),
                            rs.getString(3)));
                }
            }
        } catch (SQLException e) {
            throw failure("read the latest checkpoints", e);
        }
        return out;
    }

    @Override
    public void addKey(KeyRecord key) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "INSERT INTO ledger_key(contingent, verifier_key, registered_at) VALUES (?, ?, ?)")) {
            ps.setString(1, key.contingent());
            ps.setString(2, key.verifierKey());
            ps.setObject(3, OffsetDateTime.ofInstant(key.registered(), ZoneOffset.UTC));
            ps.executeUpdate();
        } catch (SQLIntegrityConstraintViolationException e) {
            throw new IllegalArgumentException("verifier key " + key.verifierKey() + " is already registered", e);
        } catch (SQLException e) {
            throw failure("register key of " + key.contingent(), e);
        }
    }

    @Override
    public List<KeyRecord> keys() {
        List<KeyRecord> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT contingent, verifier_key, registered_at FROM ledger_key ORDER BY seq");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new KeyRecord(rs.getString(1), rs.getString(2),
                        rs.getObject(3, OffsetDateTime.class).toInstant()));
            }
        } catch (SQLException e) {
            throw failure("read keys", e);
        }
        return out;
    }

    @Override
    public void setRoster(List<String> contingents) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement del = c.prepareStatement("DELETE FROM ledger_roster");
                 PreparedStatement ins = c.prepareStatement("INSERT INTO ledger_roster(position, contingent) VALUES (?, ?)")) {
                del.executeUpdate();
                for (int i = 0; i < contingents.size(); i++) {
                    ins.setInt(1, i);
                    ins.setString(2, contingents.get(i));
                    ins.addBatch();
                }
                ins.executeBatch();
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw failure("set the roster", e);
        }
    }

    @Override
    public List<String> roster() {
        List<String> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT contingent FROM ledger_roster ORDER BY position");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) out.add(rs.getString(1));
        } catch (SQLException e) {
            throw failure("read the roster", e);
        }
        return out;
    }

    @Override
    public void close() {
        owned.ifPresent(o -> {
            try {
                o.close();
            } catch (Exception e) {
                throw new IllegalStateException("closing the ledger store failed: " + e.getMessage(), e);
            }
        });
    }

    private static Hash hashAt(ResultSet rs, int column) throws SQLException {
        byte[] b = rs.getBytes(column);
        if (b == null || b.length != Hash.LENGTH) {
            // A damaged hash must not stop a verifier from reading on: map it to a hash no entry can have.
            return Hash.of(new byte[Hash.LENGTH]);
        }
        return Hash.of(b);
    }

    private long queryLong(String sql) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(sql);
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw failure(sql, e);
        }
    }

    private static IllegalStateException failure(String what, SQLException e) {
        return new IllegalStateException("ledger store: cannot " + what + ": " + e.getMessage(), e);
    }
}
