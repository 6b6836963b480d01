package org.truce.store.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.truce.accounts.AccountRepository;
import org.truce.accounts.ApiTokenRepository;
import org.truce.cases.AllegationRepository;
import org.truce.cases.AuditLog;
import org.truce.cases.CaseRepository;
import org.truce.cases.NotificationOutbox;
import org.truce.cases.RosterRepository;
import org.truce.store.AssetRegistry;
import org.truce.store.IncidentRepository;
import org.truce.store.MetaStore;
import org.truce.store.ObservationLog;
import org.truce.store.Store;
import org.truce.store.TrackRepository;

/**
 * The store on a relational database through JDBC: embedded H2 in a data directory (the default) or a
 * PostgreSQL server. Opening it brings the schema up to date with Flyway (migrations under
 * {@code db/migration/h2} or {@code db/migration/postgresql}); connections are pooled by HikariCP.
 *
 * <p>Every write is committed before the method returns; a batch ({@code appendAll}, {@code saveAll}) is one
 * transaction, so a group of observations or projections costs one commit. On H2 the database file is written at each commit
 * ({@code WRITE_DELAY=0}), so a process that dies right after {@code append} returns keeps the entry; H2 does
 * not force the file to disk, so a power loss can still lose the last commits. An H2 data directory is held
 * by one store at a time: a second process, or a second store in this process, gets a {@link StoreException}.
 * Times are kept as epoch nanoseconds (exact, years 1677 to 2262).
 *
 * <p>Thread-safe. Failures surface as {@link StoreException}s naming the database and the reason.
 */
public final class JdbcStore implements Store {
    /** Name of the H2 database inside a data directory (the file is {@code truce.mv.db}). */
    public static final String H2_DATABASE_NAME = "truce";

    /** H2 data directories held open by this process, so a second store on one gets a clear refusal. */
    private static final Set<Path> OPEN_H2_DIRECTORIES = ConcurrentHashMap.newKeySet();

    private final HikariDataSource dataSource;
    private final String database;
    private final Optional<Path> h2Directory;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final ObservationLog observations;
    private final IncidentRepository incidents;
    private final AssetRegistry assets;
    private final TrackRepository tracks;
    private final MetaStore meta;
    private final AccountRepository accounts;
    private final ApiTokenRepository apiTokens;
    private final CaseRepository cases;
    private final AllegationRepository allegations;
    private final AuditLog audit;
    private final NotificationOutbox outbox;
    private final RosterRepository rosters;
    private final org.truce.airspace.FlightPlanRepository flightPlans;

    private JdbcStore(HikariDataSource dataSource, Dialect dialect, String database, Optional<Path> h2Directory) {
        this.dataSource = dataSource;
        this.database = database;
        this.h2Directory = h2Directory;
        Jdbc jdbc = new Jdbc(dataSource, dialect, database);
        Bodies bodies = new Bodies(database);
        this.observations = new JdbcObservationLog(jdbc, bodies);
        this.incidents = new JdbcIncidentRepository(jdbc, bodies);
        this.assets = new JdbcAssetRegistry(jdbc, bodies);
        this.tracks = new JdbcTrackRepository(jdbc, bodies);
        this.meta = new JdbcMetaStore(jdbc);
        this.accounts = new JdbcAccountRepository(jdbc);
        this.apiTokens = new JdbcApiTokenRepository(jdbc);
        this.cases = new JdbcCaseRepository(jdbc, bodies);
        this.allegations = new JdbcAllegationRepository(jdbc, bodies);
        this.audit = new JdbcAuditLog(jdbc);
        this.outbox = new JdbcOutbox(jdbc);
        this.rosters = new JdbcRosterRepository(jdbc, bodies);
        this.flightPlans = new JdbcFlightPlanRepository(jdbc, bodies);
    }

    /**
     * Opens (creating if needed) the embedded H2 store in {@code dataDir}: database file
     * {@code <dataDir>/truce.mv.db}.
     *
     * @throws StoreException naming the directory when it is not a usable directory, the database file is
     *                        corrupted or of another format, or another process (or store) holds it
     */
    public static JdbcStore h2(Path dataDir) {
        Path dir = dataDir.toAbsolutePath().normalize();
        String database = "the H2 store in data directory " + dir;
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new StoreException("cannot open " + database + ": the path exists and is not a directory");
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new StoreException("cannot open " + database + ": cannot create the directory (" + e + ")", e);
        }
        try {
            dir = dir.toRealPath(); // one key per directory, however it is spelled (links, "..")
        } catch (IOException e) {
            throw new StoreException("cannot open " + database + ": cannot resolve the directory (" + e + ")", e);
        }
        if (!Files.isReadable(dir) || !Files.isWritable(dir)) {
            throw new StoreException("cannot open " + database + ": the directory is not readable and writable");
        }
        Path file = dir.resolve(H2_DATABASE_NAME + ".mv.db");
        if (Files.exists(file) && !(Files.isRegularFile(file) && Files.isReadable(file) && Files.isWritable(file))) {
            throw new StoreException("cannot open " + database + ": the database file " + file
                    + " is not a readable and writable regular file");
        }
        String path = dir.resolve(H2_DATABASE_NAME).toString();
        if (path.contains(";")) {
            throw new StoreException("cannot open " + database + ": H2 cannot open a path containing ';'");
        }
        if (!OPEN_H2_DIRECTORIES.add(dir)) {
            throw new StoreException("cannot open " + database
                    + ": this process already has a store open on it; use that store or close it first");
        }
        try {
            // WRITE_DELAY=0: write the file at every commit rather than up to half a second later.
            // No RETENTION_TIME=0: with it, H2 2.3.232 lost committed rows across a close and reopen once the schema
            // grew by migration V5 (UsersCommandTest: accounts gone after a read-only 'users list'); freed pages
            // are reused after H2's default retention (45 s) instead, at the cost of a somewhat larger file.
            // DB_CLOSE_ON_EXIT=FALSE: the center closes the store itself, after its last write, on shutdown.
            // COMPRESS=TRUE: pages are written LZF-compressed. With WRITE_DELAY=0 H2 runs no background housekeeping,
            // so the pages each commit rewrites (the right edge of the log and its indexes, the tracks) stay in the
            // file as partly dead chunks. Compressed, an observation through the center in batches of 500 costs about
            // 0.7 KB of file while the store is open instead of 1.3 KB, at the same CPU (DiskPerObservationBench).
            return open("jdbc:h2:file:" + path + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE;COMPRESS=TRUE", "sa", "",
                    database + " (file " + file + ")", Optional.of(dir));
        } catch (RuntimeException e) {
            OPEN_H2_DIRECTORIES.remove(dir);
            throw e;
        }
    }

    /**
     * Opens the store at a JDBC URL ({@code jdbc:h2:...} or {@code jdbc:postgresql://host:port/db}), creating or
     * migrating its tables in the connection's default schema.
     *
     * @throws IllegalArgumentException for a URL of another database
     * @throws StoreException naming the URL (without parameters) when the database cannot be reached or migrated
     */
    public static JdbcStore open(String jdbcUrl, String user, String password) {
        return open(jdbcUrl, user, password, "the database at " + withoutParameters(jdbcUrl), Optional.empty());
    }

    private static JdbcStore open(String jdbcUrl, String user, String password, String database,
                                  Optional<Path> h2Directory) {
        Dialect dialect = Dialect.of(jdbcUrl);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(user);
        config.setPassword(password);
        config.setPoolName("truce-store");
        config.setMaximumPoolSize(dialect.poolSize());
        config.setMinimumIdle(1);
        config.setConnectionTimeout(10_000);
        if (dialect == Dialect.POSTGRESQL) {
            // The driver sends a JDBC batch (a group-committed append, a batch of projections) as multi-row
            // INSERTs instead of one round trip per row.
            config.addDataSourceProperty("reWriteBatchedInserts", "true");
        }
        HikariDataSource dataSource;
        try {
            dataSource = new HikariDataSource(config);
        } catch (RuntimeException e) {
            String reason = sqlCause(e).map(dialect::explainOpenFailure).orElseGet(() -> String.valueOf(e.getMessage()));
            throw new StoreException("cannot open " + database + ": " + reason, e);
        }
        try {
            Flyway.configure(JdbcStore.class.getClassLoader())
                    .dataSource(dataSource)
                    .locations("classpath:" + dialect.migrations())
                    .failOnMissingLocations(true)
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            dataSource.close();
            throw new StoreException("cannot bring the schema of " + database + " up to date: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
        return new JdbcStore(dataSource, dialect, database, h2Directory);
    }

    /** What this store is, for messages: the data directory and file, or the URL without its parameters. */
    public String database() {
        return database;
    }

    /**
     * The pooled connections to this store's database, for further repositories kept in the same schema (their
     * tables come from later Flyway migrations next to V1). Callers return every connection they take.
     */
    public DataSource dataSource() {
        return dataSource;
    }

    @Override public ObservationLog observations() { return observations; }
    @Override public IncidentRepository incidents() { return incidents; }
    @Override public AssetRegistry assets() { return assets; }
    @Override public TrackRepository tracks() { return tracks; }
    @Override public MetaStore meta() { return meta; }

    /** The people who sign in, in table {@code accounts}. */
    public AccountRepository accounts() { return accounts; }

    /** API token hashes, in table {@code api_tokens}. */
    public ApiTokenRepository apiTokens() { return apiTokens; }
    /** Joint verification's cases (migration V3), with the optimistic version check done by the database. */
    public CaseRepository caseRepository() { return cases; }

    /** The parties' allegations (V3); ids numbered per party, never reused. */
    public AllegationRepository allegationRepository() { return allegations; }

    /** The casework audit trail (V3), append-only, gap-free sequence numbers. */
    public AuditLog auditLog() { return audit; }

    /** Notifications to the parties (V3), append-only. */
    public NotificationOutbox outbox() { return outbox; }

    /** The shift roster's draft and active roster (V3). */
    public RosterRepository rosterRepository() { return rosters; }

    /** The contingents' flight plans (migration V5); ids numbered per day, never reused. */
    public org.truce.airspace.FlightPlanRepository flightPlanRepository() { return flightPlans; }

    /**
     * Closes the pool, waiting for its connections to close; on H2 the last one closes the database file and
     * releases its lock. Idempotent.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) return;
        try {
            dataSource.close();
        } finally {
            h2Directory.ifPresent(OPEN_H2_DIRECTORIES::remove);
        }
    }

    /** A JDBC URL without its query string and options, which may carry credentials. */
    static String withoutParameters(String jdbcUrl) {
        int cut = jdbcUrl.length();
        for (char c : new char[] {'?', ';'}) {
            int i = jdbcUrl.indexOf(c);
            if (i >= 0) cut = Math.min(cut, i);
        }
        return jdbcUrl.substring(0, cut);
    }

    private static Optional<SQLException> sqlCause(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof SQLException s) return Optional.of(s);
        }
        return Optional.empty();
    }
}
