package org.truce.accounts;

import java.util.List;
import java.util.Optional;

/**
 * Where accounts and their password hashes are kept. User ids are unique, compared exactly. Implementations are
 * thread-safe and every write is durable when the method returns.
 */
public interface AccountRepository {
    /** @throws AccountException if an account with this user id exists */
    void add(Account account, String passwordHash);

    Optional<Account> find(String userId);

    /** The stored hash, or empty for an unknown user. */
    Optional<String> passwordHash(String userId);

    /** @throws AccountException for an unknown user */
    void setPasswordHash(String userId, String passwordHash);

    /** @throws AccountException for an unknown user */
    void setDisabled(String userId, boolean disabled);

    /** Every account, ordered by user id. */
    List<Account> list();
}
