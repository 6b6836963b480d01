package org.truce.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.truce.ground.ContingentId;
import org.truce.ground.PartyId;
import org.truce.cases.Role;

/**
 * What every {@link AccountRepository} and {@link ApiTokenRepository} does, run against each implementation
 * (in memory, H2, PostgreSQL) by a subclass that says how to make a fresh, empty pair.
 */
public abstract class AccountStoreContractTest {
    /** A fresh, empty pair of repositories over one store. */
    public record Repositories(AccountRepository accounts, ApiTokenRepository tokens) { }

    protected static final Instant T0 = Instant.parse("2026-01-05T10:15:30.123456789Z");

    protected Repositories repos;

    protected abstract Repositories newRepositories();

    @BeforeEach
    void fresh() {
        repos = newRepositories();
    }

    private static Account analyst(String id) {
        return new Account(id, "Ana Lyst", Role.ANALYST, Optional.of(ContingentId.of("C1")), Optional.empty(),
                Language.RU, false, T0);
    }

    @Test
    void addedAccountsAreFoundWithEveryFieldAndListedByUserId() {
        Account liaison = new Account("liaison-2", "", Role.LIAISON_OFFICER, Optional.empty(),
                Optional.of(PartyId.of("P1")), Language.TR, false, T0.plusSeconds(5));
        Account auditor = new Account("audit.1", "Auditor Üç", Role.AUDITOR, Optional.empty(), Optional.empty(),
                Language.EN, false, T0);
        repos.accounts().add(analyst("b-analyst"), "hash-b");
        repos.accounts().add(liaison, "hash-l");
        repos.accounts().add(auditor, "hash-a");

        assertThat(repos.accounts().find("b-analyst")).contains(analyst("b-analyst"));
        assertThat(repos.accounts().find("liaison-2")).contains(liaison);
        assertThat(repos.accounts().find("audit.1")).contains(auditor);
        assertThat(repos.accounts().find("nobody")).isEmpty();
        assertThat(repos.accounts().passwordHash("liaison-2")).contains("hash-l");
        assertThat(repos.accounts().passwordHash("nobody")).isEmpty();
        assertThat(repos.accounts().list()).extracting(Account::userId)
                .containsExactly("audit.1", "b-analyst", "liaison-2");
    }

    @Test
    void aUserIdIsAddedOnce() {
        repos.accounts().add(analyst("a1"), "h1");
        assertThatThrownBy(() -> repos.accounts().add(analyst("a1"), "h2"))
                .isInstanceOf(AccountException.class).hasMessageContaining("a1");
        assertThat(repos.accounts().passwordHash("a1")).contains("h1");
    }

    @Test
    void disablingAndRehashingChangeOnlyThatAccount() {
        repos.accounts().add(analyst("a1"), "h1");
        repos.accounts().add(analyst("a2"), "h2");
        repos.accounts().setDisabled("a1", true);
        repos.accounts().setPasswordHash("a1", "h1-new");
        assertThat(repos.accounts().find("a1").orElseThrow().disabled()).isTrue();
        assertThat(repos.accounts().find("a2").orElseThrow().disabled()).isFalse();
        assertThat(repos.accounts().passwordHash("a1")).contains("h1-new");
        assertThat(repos.accounts().passwordHash("a2")).contains("h2");
        repos.accounts().setDisabled("a1", false);
        assertThat(repos.accounts().find("a1").orElseThrow().disabled()).isFalse();
        assertThatThrownBy(() -> repos.accounts().setDisabled("ghost", true)).isInstanceOf(AccountException.class);
        assertThatThrownBy(() -> repos.accounts().setPasswordHash("ghost", "h")).isInstanceOf(AccountException.class);
    }

    @Test
    void tokensAreFoundByHashAndListedPerUser() {
        repos.accounts().add(analyst("a1"), "h1");
        ApiToken first = new ApiToken("a".repeat(64), "a1", T0);
        ApiToken second = new ApiToken("b".repeat(64), "a1", T0.plusSeconds(60));
        repos.tokens().add(second);
        repos.tokens().add(first);
        assertThat(repos.tokens().findByHash("a".repeat(64))).contains(first);
        assertThat(repos.tokens().findByHash("c".repeat(64))).isEmpty();
        assertThat(repos.tokens().forUser("a1")).containsExactly(first, second);
        assertThat(repos.tokens().forUser("other")).isEmpty();
        assertThatThrownBy(() -> repos.tokens().add(first)).isInstanceOf(AccountException.class);
    }
}
