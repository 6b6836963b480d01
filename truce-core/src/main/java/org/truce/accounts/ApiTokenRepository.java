package org.truce.accounts;

import java.util.List;
import java.util.Optional;

/** Where API tokens are kept, by hash. Thread-safe; writes are durable when the method returns. */
public interface ApiTokenRepository {
    /** @throws AccountException if a token with this hash exists */
    void add(ApiToken token);

    Optional<ApiToken> findByHash(String hash);

    /** The user's tokens, oldest first. */
    List<ApiToken> forUser(String userId);
}
