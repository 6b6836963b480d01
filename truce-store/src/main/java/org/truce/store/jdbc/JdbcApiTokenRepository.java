package org.truce.store.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.truce.accounts.AccountException;
import org.truce.accounts.ApiToken;
import org.truce.accounts.ApiTokenRepository;

/** API token hashes in table {@code api_tokens} (migration V4). Thread-safe; every write is committed on return. */
final class JdbcApiTokenRepository implements ApiTokenRepository {
    private static final String UNIQUE_VIOLATION = "23505";

    private final Jdbc jdbc;

    JdbcApiTokenRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void add(ApiToken t) {
        try {
            jdbc.update("INSERT INTO api_tokens (token_hash, user_id, created_ns) VALUES (?, ?, ?)", t.hash(), t.userId(),
                    EpochNanos.of(t.created(), "token created"));
        } catch (StoreException e) {
            if (e.getCause() instanceof SQLException s && UNIQUE_VIOLATION.equals(s.getSQLState())) {
                throw new AccountException("API token already stored");
            }
            throw e;
        }
    }

    @Override
    public Optional<ApiToken> findByHash(String hash) {
        return jdbc.first("SELECT token_hash, user_id, created_ns FROM api_tokens WHERE token_hash = ?",
                JdbcApiTokenRepository::token, hash);
    }

    @Override
    public List<ApiToken> forUser(String userId) {
        return jdbc.list("SELECT token_hash, user_id, created_ns FROM api_tokens WHERE user_id = ? "
                + "ORDER BY created_ns, token_hash", JdbcApiTokenRepository::token, userId);
    }

    private static ApiToken token(ResultSet rs) throws SQLException {
        return new ApiToken(rs.getString(1), rs.getString(2), EpochNanos.toInstant(rs.getLong(3)));
    }
}
