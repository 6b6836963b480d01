package org.truce.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.truce.accounts.memory.InMemoryAccountRepository;
import org.truce.accounts.memory.InMemoryApiTokenRepository;
import org.truce.agreement.Agreement;
import org.truce.cases.Role;
import org.truce.testing.TestAgreements;

class AccountsTest {
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final char[] PASSWORD = "correct horse battery".toCharArray();

    /** A transparent stand-in: "v<version>:<password>", so tests see which version a hash has. */
    static final class FakeHasher implements PasswordHasher {
        volatile int version = 1;
        final AtomicInteger verifications = new AtomicInteger();

        @Override public String hash(char[] password) {
            return "v" + version + ":" + new String(password);
        }

        @Override public boolean verify(char[] password, String encoded) {
            verifications.incrementAndGet();
            return encoded.substring(encoded.indexOf(':') + 1).equals(new String(password));
        }

        @Override public boolean needsRehash(String encoded) {
            return !encoded.startsWith("v" + version + ":");
        }
    }

    private final Agreement agreement = TestAgreements.karabakh();
    private final String contingent = agreement.contingents().getFirst().id().value();
    private final String party = agreement.parties().getFirst().id().value();
    private final InMemoryAccountRepository repo = new InMemoryAccountRepository();
    private final InMemoryApiTokenRepository tokens = new InMemoryApiTokenRepository();
    private final FakeHasher hasher = new FakeHasher();
    private final Accounts accounts = new Accounts(agreement, repo, tokens, hasher, InstantSource.fixed(NOW),
            new SplittableRandom(7));

    @Test
    void staffNeedAKnownContingentAndLiaisonsAKnownParty() {
        Account a = accounts.add("ana", "Ana", Role.ANALYST, Optional.of(contingent), Optional.empty(), Language.EN, PASSWORD);
        assertThat(a.created()).isEqualTo(NOW);
        assertThat(a.principal().isStaffOf(agreement.contingents().getFirst().id())).isTrue();
        accounts.add("lia", "", Role.LIAISON_OFFICER, Optional.empty(), Optional.of(party), Language.TR, PASSWORD);
        accounts.add("aud", "", Role.AUDITOR, Optional.empty(), Optional.empty(), Language.RU, PASSWORD);

        assertThatThrownBy(() -> accounts.add("x", "", Role.ANALYST, Optional.of("ZZ"), Optional.empty(), Language.EN, PASSWORD))
                .isInstanceOf(AccountException.class).hasMessageContaining("contingent 'ZZ'").hasMessageContaining(contingent);
        assertThatThrownBy(() -> accounts.add("x", "", Role.LIAISON_OFFICER, Optional.empty(), Optional.of("ZZ"), Language.EN, PASSWORD))
                .isInstanceOf(AccountException.class).hasMessageContaining("party 'ZZ'");
        assertThatThrownBy(() -> accounts.add("x", "", Role.ANALYST, Optional.empty(), Optional.empty(), Language.EN, PASSWORD))
                .isInstanceOf(AccountException.class).hasMessageContaining("needs a contingent");
        assertThatThrownBy(() -> accounts.add("x", "", Role.AUDITOR, Optional.of(contingent), Optional.empty(), Language.EN, PASSWORD))
                .isInstanceOf(AccountException.class).hasMessageContaining("no contingent or party");
        assertThatThrownBy(() -> accounts.add("x", "", Role.PUBLIC, Optional.empty(), Optional.empty(), Language.EN, PASSWORD))
                .isInstanceOf(AccountException.class).hasMessageContaining("PUBLIC");
        assertThatThrownBy(() -> accounts.add("ana", "", Role.AUDITOR, Optional.empty(), Optional.empty(), Language.EN, PASSWORD))
                .isInstanceOf(AccountException.class).hasMessageContaining("already exists");
        assertThatThrownBy(() -> accounts.add("bad id", "", Role.AUDITOR, Optional.empty(), Optional.empty(), Language.EN, PASSWORD))
                .isInstanceOf(AccountException.class).hasMessageContaining("'bad id'");
        assertThatThrownBy(() -> accounts.add("short", "", Role.AUDITOR, Optional.empty(), Optional.empty(), Language.EN, "tooshort".toCharArray()))
                .isInstanceOf(AccountException.class).hasMessageContaining("at least 12");
        assertThat(accounts.list()).extracting(Account::userId).containsExactly("ana", "aud", "lia");
    }

    @Test
    void signInIsTheSameEmptyAnswerForUnknownWrongAndDisabledAndCostsOneVerification() {
        accounts.add("ana", "", Role.ANALYST, Optional.of(contingent), Optional.empty(), Language.EN, PASSWORD);
        assertThat(accounts.signIn("ana", PASSWORD)).map(Account::userId).contains("ana");
        assertThat(accounts.signIn("ana", "wrong password!".toCharArray())).isEmpty();
        int before = hasher.verifications.get();
        assertThat(accounts.signIn("ghost", PASSWORD)).isEmpty();
        assertThat(hasher.verifications.get()).isEqualTo(before + 1);
        accounts.disable("ana");
        assertThat(accounts.signIn("ana", PASSWORD)).isEmpty();
        assertThat(accounts.find("ana").orElseThrow().disabled()).isTrue();
    }

    @Test
    void aHashWithOldParametersIsReplacedAtTheNextSignIn() {
        accounts.add("ana", "", Role.ANALYST, Optional.of(contingent), Optional.empty(), Language.EN, PASSWORD);
        assertThat(repo.passwordHash("ana")).hasValueSatisfying(h -> assertThat(h).startsWith("v1:"));
        hasher.version = 2;
        assertThat(accounts.signIn("ana", "wrong password!".toCharArray())).isEmpty();
        assertThat(repo.passwordHash("ana")).hasValueSatisfying(h -> assertThat(h).startsWith("v1:"));
        assertThat(accounts.signIn("ana", PASSWORD)).isPresent();
        assertThat(repo.passwordHash("ana")).hasValueSatisfying(h -> assertThat(h).startsWith("v2:"));
    }

    @Test
    void tokensAreKeptOnlyAsHashesAndDieWithTheAccount() {
        accounts.add("ana", "", Role.ANALYST, Optional.of(contingent), Optional.empty(), Language.EN, PASSWORD);
        Accounts.IssuedToken issued = accounts.issueToken("ana");
        assertThat(issued.token()).startsWith(Accounts.TOKEN_PREFIX).hasSize(Accounts.TOKEN_PREFIX.length() + 43);
        assertThat(tokens.forUser("ana")).containsExactly(issued.stored());
        assertThat(issued.stored().hash()).isEqualTo(Accounts.tokenHash(issued.token())).doesNotContain(issued.token());
        assertThat(accounts.byToken(issued.token())).map(Account::userId).contains("ana");
        assertThat(accounts.byToken(issued.token() + "x")).isEmpty();
        assertThat(accounts.byToken("something else")).isEmpty();
        accounts.disable("ana");
        assertThat(accounts.byToken(issued.token())).isEmpty();
        assertThatThrownBy(() -> accounts.issueToken("ana")).hasMessageContaining("disabled");
        assertThatThrownBy(() -> accounts.issueToken("ghost")).hasMessageContaining("no user ghost");
    }

    @Test
    void generatedPasswordsAreLongEnoughAndDiffer() {
        char[] a = accounts.generatePassword();
        char[] b = accounts.generatePassword();
        assertThat(a.length).isGreaterThanOrEqualTo(Accounts.MIN_PASSWORD_LENGTH);
        assertThat(new String(a)).isNotEqualTo(new String(b)).matches("[A-Za-z0-9]+");
    }

    @Test
    void languagesAreReadInAnyCase() {
        assertThat(Language.of("RU")).isEqualTo(Language.RU);
        assertThat(Language.of("tr").code()).isEqualTo("tr");
        assertThatThrownBy(() -> Language.of("de")).hasMessageContaining("'de'");
    }
}
