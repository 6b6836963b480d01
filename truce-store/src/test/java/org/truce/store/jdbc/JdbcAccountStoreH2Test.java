package org.truce.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.truce.accounts.Account;
import org.truce.accounts.AccountStoreContractTest;
import org.truce.accounts.Language;
import org.truce.cases.Role;

/** Accounts and tokens in the embedded H2 store pass the contract and survive reopening the data directory. */
class JdbcAccountStoreH2Test extends AccountStoreContractTest {
    @TempDir
    Path dataDir;
    private JdbcStore store;

    @Override
    protected Repositories newRepositories() {
        store = JdbcStore.h2(dataDir);
        return new Repositories(store.accounts(), store.apiTokens());
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void accountsSurviveAReopen() {
        Account a = new Account("aud", "Auditor", Role.AUDITOR, Optional.empty(), Optional.empty(), Language.TR, false,
                Instant.parse("2026-01-01T00:00:00Z"));
        store.accounts().add(a, "$argon2id$x");
        store.close();
        store = JdbcStore.h2(dataDir);
        assertThat(store.accounts().find("aud")).contains(a);
        assertThat(store.accounts().passwordHash("aud")).contains("$argon2id$x");
    }
}
