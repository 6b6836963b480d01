package org.truce.store.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.truce.accounts.Account;
import org.truce.accounts.AccountException;
import org.truce.accounts.AccountRepository;
import org.truce.accounts.Language;
import org.truce.ground.ContingentId;
import org.truce.ground.PartyId;
import org.truce.cases.Role;

/** Accounts in table {@code accounts} (migration V4). Thread-safe; every write is committed on return. */
final class JdbcAccountRepository implements AccountRepository {
    private static final String COLUMNS = "user_id, display_name, role, contingent, party, lang, disabled, created_ns";
    private static final String UNIQUE_VIOLATION = "23505";

    private final Jdbc jdbc;

    JdbcAccountRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void add(Account a, String passwordHash) {
        try {
            jdbc.update("INSERT INTO accounts (" + COLUMNS + ", password_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    a.userId(), a.displayName(), a.role().name(), a.contingent().map(ContingentId::value).orElse(null),
                    a.party().map(PartyId::value).orElse(null), a.language().code(), a.disabled(),
                    EpochNanos.of(a.created(), "account created"), passwordHash);
        } catch (StoreException e) {
            if (e.getCause() instanceof SQLException s && UNIQUE_VIOLATION.equals(s.getSQLState())) {
                throw new AccountException("user " + a.userId() + " already exists");
            }
            throw e;
        }
    }

    @Override
    public Optional<Account> find(String userId) {
        return jdbc.first("SELECT " + COLUMNS + " FROM accounts WHERE user_id = ?", JdbcAccountRepository::account, userId);
    }

    @Override
    public Optional<String> passwordHash(String userId) {
        return jdbc.first("SELECT password_hash FROM accounts WHERE user_id = ?", rs -> rs.getString(1), userId);
    }

    @Override
    public void setPasswordHash(String userId, String passwordHash) {
        requireOne(jdbc.update("UPDATE accounts SET password_hash = ? WHERE user_id = ?", passwordHash, userId), userId);
    }

    @Override
    public void setDisabled(String userId, boolean disabled) {
        requireOne(jdbc.update("UPDATE accounts SET disabled = ? WHERE user_id = ?", disabled, userId), userId);
    }

    @Override
    public List<Account> list() {
        return jdbc.list("SELECT " + COLUMNS + " FROM accounts ORDER BY user_id", JdbcAccountRepository::account);
    }

    private static void requireOne(int rows, String userId) {
        if (rows == 0) throw new AccountException("no user " + userId);
    }

    private static Account account(ResultSet rs) throws SQLException {
        return new Account(rs.getString(1), rs.getString(2), Role.valueOf(rs.getString(3)),
                Optional.ofNullable(rs.getString(4)).map(ContingentId::of), Optional.ofNullable(rs.getString(5)).map(PartyId::of),
                Language.of(rs.getString(6)), rs.getBoolean(7), EpochNanos.toInstant(rs.getLong(8)));
    }
}
