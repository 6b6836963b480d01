package org.truce.store.jdbc;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * Fresh schemas on the test PostgreSQL server (database {@code test} on 127.0.0.1:5432, user postgres, trust
 * auth; override with {@code -Dtruce.test.postgres.url=...}). When no server answers, a test using it fails under
 * CI ({@code CI=true}: {@code .ci/run} installs and starts PostgreSQL, so a missing one is a broken set-up, never a
 * silent skip) and is skipped with the reason on a developer's machine without PostgreSQL.
 */
final class PostgresSchemas {
    static final String URL = System.getProperty("truce.test.postgres.url", "jdbc:postgresql://127.0.0.1:5432/test");
    static final String USER = System.getProperty("truce.test.postgres.user", "postgres");
    static final String PASSWORD = System.getProperty("truce.test.postgres.password", "");

    private static volatile Optional<String> unavailable;

    private PostgresSchemas() {}

    /** Creates a new empty schema and returns its name; aborts the test when there is no server. */
    static String create(String prefix) {
        probe().ifPresent(reason -> {
            String message = "no PostgreSQL server at " + URL + " (" + reason + ")";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new AssertionError(message + " but CI=true: .ci/run installs and starts it (Debian: postgresql,"
                        + " postgresql-15-postgis-3)");
            }
            Assumptions.abort(message);
        });
        String schema = prefix + "_" + UUID.randomUUID().toString().replace("-", "");
        execute("CREATE SCHEMA " + schema);
        return schema;
    }

    static String url(String schema) {
        return URL + "?currentSchema=" + schema;
    }

    static void drop(String schema) {
        execute("DROP SCHEMA " + schema + " CASCADE");
    }

    private static Optional<String> probe() {
        if (unavailable == null) {
            try (Connection c = DriverManager.getConnection(URL + "?connectTimeout=3", USER, PASSWORD)) {
                unavailable = c.isValid(3) ? Optional.empty() : Optional.of("the connection is not valid");
            } catch (SQLException e) {
                unavailable = Optional.of(e.getMessage());
            }
        }
        return unavailable;
    }

    private static void execute(String sql) {
        try (Connection c = DriverManager.getConnection(URL, USER, PASSWORD); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " failed on " + URL + ": " + e.getMessage(), e);
        }
    }
}
