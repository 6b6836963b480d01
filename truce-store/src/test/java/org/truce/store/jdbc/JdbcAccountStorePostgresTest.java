package org.truce.store.jdbc;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.truce.accounts.AccountStoreContractTest;

/**
 * Accounts and tokens on PostgreSQL pass the contract, each test in a fresh schema of database {@code test} on
 * 127.0.0.1:5432 (as {@link JdbcStorePostgresContractTest}); skipped, with the reason, when no server answers.
 */
class JdbcAccountStorePostgresTest extends AccountStoreContractTest {
    private static final String URL =
            System.getProperty("truce.test.postgres.url", "jdbc:postgresql://127.0.0.1:5432/test");
    private static final String USER = System.getProperty("truce.test.postgres.user", "postgres");
    private static final String PASSWORD = System.getProperty("truce.test.postgres.password", "");

    private static Optional<String> unavailable = Optional.empty();

    private String schema;
    private JdbcStore store;

    @BeforeAll
    static void probeServer() {
        try (Connection c = DriverManager.getConnection(URL + "?connectTimeout=3", USER, PASSWORD)) {
            unavailable = c.isValid(3) ? Optional.empty() : Optional.of("the connection is not valid");
        } catch (SQLException e) {
            unavailable = Optional.of(e.getMessage());
        }
    }

    @Override
    protected Repositories newRepositories() {
        unavailable.ifPresent(reason ->
                Assumptions.abort("no PostgreSQL server at " + URL + " (" + reason + "): contract not run"));
        schema = "truce_accounts_" + UUID.randomUUID().toString().replace("-", "");
        execute("CREATE SCHEMA " + schema);
        store = JdbcStore.open(URL + "?currentSchema=" + schema, USER, PASSWORD);
        return new Repositories(store.accounts(), store.apiTokens());
    }

    @AfterEach
    void dropSchema() {
        if (schema == null) return;
        store.close();
        execute("DROP SCHEMA " + schema + " CASCADE");
    }

    private static void execute(String sql) {
        try (Connection c = DriverManager.getConnection(URL, USER, PASSWORD); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " failed on " + URL + ": " + e.getMessage(), e);
        }
    }
}
