package org.truce.accounts.memory;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.truce.accounts.AccountException;
import org.truce.accounts.ApiToken;
import org.truce.accounts.ApiTokenRepository;

/** API token hashes in memory, for tests and simulations. Thread-safe; nothing survives the process. */
public final class InMemoryApiTokenRepository implements ApiTokenRepository {
    private final Map<String, ApiToken> byHash = new ConcurrentHashMap<>();

    @Override
    public void add(ApiToken token) {
        if (byHash.putIfAbsent(token.hash(), token) != null) throw new AccountException("API token already stored");
    }

    @Override
    public Optional<ApiToken> findByHash(String hash) {
        return Optional.ofNullable(byHash.get(hash));
    }

    @Override
    public List<ApiToken> forUser(String userId) {
        return byHash.values().stream().filter(t -> t.userId().equals(userId))
                .sorted(Comparator.comparing(ApiToken::created).thenComparing(ApiToken::hash)).toList();
    }
}
