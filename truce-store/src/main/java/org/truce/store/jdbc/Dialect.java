package org.truce.store.jdbc;

import java.sql.SQLException;
import java.util.List;
import java.util.stream.Collectors;
import org.h2.api.ErrorCode;

/**
 * Everything that differs between the databases the JDBC store runs on, in one place: where the Flyway
 * migrations live, the upsert statement, the pool size and how a failure to open the database is explained. All other SQL the store issues is standard and shared. Immutable.
 */
enum Dialect {
    H2("db/migration/h2", 4) {
        @Override
        String upsert(String table, String key, List<String> columns) {
            return "MERGE INTO " + table + " (" + String.join(", ", columns) + ") KEY (" + key + ") VALUES ("
                    + placeholders(columns) + ")";
        }

        @Override
        String explainOpenFailure(SQLException e) {
            return switch (e.getErrorCode()) {
                case ErrorCode.DATABASE_ALREADY_OPEN_1 ->
                        "the database is locked: another process (another center on the same data directory?) has it "
                                + "open; stop that process or choose another data directory";
                case ErrorCode.FILE_CORRUPTED_1 -> "the database file is corrupted";
                case ErrorCode.FILE_VERSION_ERROR_1 ->
                        "the database file is not an H2 2.x database (wrong format or an older H2 version)";
                case ErrorCode.WRONG_USER_OR_PASSWORD -> "the database refused the store's user";
                case ErrorCode.IO_EXCEPTION_1, ErrorCode.IO_EXCEPTION_2, ErrorCode.FILE_CREATION_FAILED_1 ->
                        "the database file cannot be read or written, or is damaged (truncated?)";
                default -> "H2 error " + e.getErrorCode();
            } + " (" + e.getMessage() + ")";
        }
    },

    POSTGRESQL("db/migration/postgresql", 8) {
        @Override
        String upsert(String table, String key, List<String> columns) {
            String updates = columns.stream().filter(c -> !c.equals(key)).map(c -> c + " = EXCLUDED." + c)
                    .collect(Collectors.joining(", "));
            return "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES (" + placeholders(columns)
                    + ") ON CONFLICT (" + key + ") DO UPDATE SET " + updates;
        }

        @Override
        String explainOpenFailure(SQLException e) {
            String state = String.valueOf(e.getSQLState());
            String reason;
            if (state.startsWith("08")) reason = "the server cannot be reached";
            else if (state.startsWith("28")) reason = "the server refused the user or password";
            else if (state.equals("3D000")) reason = "the database does not exist";
            else reason = "SQLSTATE " + state;
            return reason + " (" + e.getMessage() + ")";
        }
    };

    private final String migrations;
    private final int poolSize;

    Dialect(String migrations, int poolSize) {
        this.migrations = migrations;
        this.poolSize = poolSize;
    }

    /** @throws IllegalArgumentException for a URL of a database the store does not support */
    static Dialect of(String jdbcUrl) {
        if (jdbcUrl.startsWith("jdbc:h2:")) return H2;
        if (jdbcUrl.startsWith("jdbc:postgresql:")) return POSTGRESQL;
        throw new IllegalArgumentException("unsupported JDBC URL " + JdbcStore.withoutParameters(jdbcUrl)
                + ": the store runs on H2 (jdbc:h2:...) or PostgreSQL (jdbc:postgresql:...)");
    }

    /** Classpath folder of this dialect's Flyway migrations. */
    String migrations() {
        return migrations;
    }

    /** Connections to pool: embedded H2 gains nothing from more than the machine's few cores. */
    int poolSize() {
        return poolSize;
    }

    /** An auto-committed statement inserting or replacing a row by its key; {@code columns} include the key. */
    abstract String upsert(String table, String key, List<String> columns);

    /** A short reason, for people, why the database could not be opened. */
    abstract String explainOpenFailure(SQLException e);

    private static String placeholders(List<String> columns) {
        return columns.stream().map(c -> "?").collect(Collectors.joining(", "));
    }
}
