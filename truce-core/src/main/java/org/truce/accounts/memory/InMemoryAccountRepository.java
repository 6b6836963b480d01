package org.truce.accounts.memory;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import org.truce.accounts.Account;
import org.truce.accounts.AccountException;
import org.truce.accounts.AccountRepository;

/** Accounts in memory, for tests and simulations. Thread-safe; nothing survives the process. */
public final class InMemoryAccountRepository implements AccountRepository {
    private record Entry(Account account, String hash) { }

    private final Map<String, Entry> byUser = new ConcurrentSkipListMap<>();

    @Override
    public void add(Account account, String passwordHash) {
        if (byUser.putIfAbsent(account.userId(), new Entry(account, passwordHash)) != null) {
            throw new AccountException("user " + account.userId() + " already exists");
        }
    }

    @Override
    public Optional<Account> find(String userId) {
        return Optional.ofNullable(byUser.get(userId)).map(Entry::account);
    }

    @Override
    public Optional<String> passwordHash(String userId) {
        return Optional.ofNullable(byUser.get(userId)).map(Entry::hash);
    }

    @Override
    public void setPasswordHash(String userId, String passwordHash) {
        if (byUser.computeIfPresent(userId, (k, e) -> new Entry(e.account(), passwordHash)) == null) {
            throw new AccountException("no user " + userId);
        }
    }

    @Override
    public void setDisabled(String userId, boolean disabled) {
        if (byUser.computeIfPresent(userId, (k, e) -> new Entry(e.account().withDisabled(disabled), e.hash())) == null) {
            throw new AccountException("no user " + userId);
        }
    }

    @Override
    public List<Account> list() {
        return byUser.values().stream().map(Entry::account).toList();
    }
}
