package org.truce.accounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.InstantSource;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.truce.agreement.Agreement;
import org.truce.ground.ContingentId;
import org.truce.ground.PartyId;
import org.truce.cases.Role;

/**
 * The account service: adds accounts checked against the agreement (a contingent or party it does not name is
 * refused), disables them, checks passwords (re-hashing on success when the hasher's parameters changed) and
 * issues API tokens, of which only the SHA-256 is kept.
 *
 * <p>Passwords are 12 to 256 characters. A wrong password, an unknown user and a disabled account look the same
 * to the caller (empty), and an unknown user still costs one hash verification, so timing does not tell whether
 * a user exists. Thread-safe when its repositories and hasher are; {@code random} must be a cryptographically
 * strong generator (e.g. {@link java.security.SecureRandom}) outside tests.
 */
public final class Accounts {
    /** Shortest password accepted. */
    public static final int MIN_PASSWORD_LENGTH = 12;
    /** Longest password accepted (longer input is a denial-of-service risk for the hash, not a better password). */
    public static final int MAX_PASSWORD_LENGTH = 256;
    /** Every API token starts with this, so a leaked one is recognisable in logs and scanners. */
    public static final String TOKEN_PREFIX = "truce_";
    private static final String PASSWORD_ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private final Agreement agreement;
    private final AccountRepository accounts;
    private final ApiTokenRepository tokens;
    private final PasswordHasher hasher;
    private final InstantSource clock;
    private final RandomGenerator random;
    private volatile String dummyHash;

    public Accounts(Agreement agreement, AccountRepository accounts, ApiTokenRepository tokens, PasswordHasher hasher,
                    InstantSource clock, RandomGenerator random) {
        this.agreement = Objects.requireNonNull(agreement, "agreement");
        this.accounts = Objects.requireNonNull(accounts, "accounts");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
    }

    /**
     * Adds an enabled account.
     *
     * @param contingent the contingent id, required for staff roles, refused otherwise
     * @param party      the party id, required for the liaison officer, refused otherwise
     * @throws AccountException naming what is wrong: the user exists, the role needs or refuses a contingent or
     *                          party, the agreement names no such contingent or party, the password is too short
     */
    public Account add(String userId, String displayName, Role role, Optional<String> contingent,
                       Optional<String> party, Language language, char[] password) {
        Account.checkUserId(userId);
        Optional<ContingentId> c = contingent.map(String::strip).map(id -> {
            ContingentId cid = ContingentId.of(id);
            if (agreement.contingent(cid).isEmpty()) {
                throw new AccountException("contingent '" + id + "' is not one of agreement " + agreement.id()
                        + "'s contingents (" + String.join(", ", agreement.contingents().stream().map(x -> x.id().value()).toList()) + ")");
            }
            return cid;
        });
        Optional<PartyId> p = party.map(String::strip).map(id -> {
            PartyId pid = PartyId.of(id);
            if (agreement.party(pid).isEmpty()) {
                throw new AccountException("party '" + id + "' is not one of agreement " + agreement.id()
                        + "'s parties (" + String.join(", ", agreement.parties().stream().map(x -> x.id().value()).toList()) + ")");
            }
            return pid;
        });
        Account account = new Account(userId, displayName, role, c, p, language, false, clock.instant());
        checkPassword(password);
        if (accounts.find(userId).isPresent()) throw new AccountException("user " + userId + " already exists");
        accounts.add(account, hasher.hash(password));
        return account;
    }

    /** @throws AccountException if the password is shorter or longer than allowed */
    public static void checkPassword(char[] password) {
        if (password == null || password.length < MIN_PASSWORD_LENGTH) {
            throw new AccountException("the password must have at least " + MIN_PASSWORD_LENGTH + " characters");
        }
        if (password.length > MAX_PASSWORD_LENGTH) {
            throw new AccountException("the password must have at most " + MAX_PASSWORD_LENGTH + " characters");
        }
    }

    /** A random 20-character password (about 116 bits) from letters and digits that are hard to confuse. */
    public char[] generatePassword() {
        char[] out = new char[20];
        for (int i = 0; i < out.length; i++) out[i] = PASSWORD_ALPHABET.charAt(random.nextInt(PASSWORD_ALPHABET.length()));
        return out;
    }

    /** Disables the account: it can no longer sign in, and its sessions and tokens stop working. Idempotent. */
    public Account disable(String userId) {
        Account a = find(userId).orElseThrow(() -> new AccountException("no user " + userId));
        accounts.setDisabled(userId, true);
        return a.withDisabled(true);
    }

    public Optional<Account> find(String userId) {
        return accounts.find(userId);
    }

    /** Every account, by user id. */
    public List<Account> list() {
        return accounts.list();
    }

    /**
     * The enabled account whose password this is, or empty for an unknown user, a wrong password or a disabled
     * account alike. On success a hash made with older parameters is replaced.
     */
    public Optional<Account> signIn(String userId, char[] password) {
        if (password == null || password.length > MAX_PASSWORD_LENGTH) return Optional.empty();
        Optional<Account> account = userId == null ? Optional.empty() : accounts.find(userId);
        Optional<String> hash = account.flatMap(a -> accounts.passwordHash(a.userId()));
        if (hash.isEmpty()) {
            hasher.verify(password, dummyHash()); // same work as for a real user
            return Optional.empty();
        }
        if (!hasher.verify(password, hash.get()) || account.get().disabled()) return Optional.empty();
        if (hasher.needsRehash(hash.get())) accounts.setPasswordHash(userId, hasher.hash(password));
        return account;
    }

    /** A new token for an enabled user; the token is returned once and only its hash is kept. */
    public IssuedToken issueToken(String userId) {
        Account a = find(userId).orElseThrow(() -> new AccountException("no user " + userId));
        if (a.disabled()) throw new AccountException("user " + userId + " is disabled");
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String token = TOKEN_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        ApiToken stored = new ApiToken(tokenHash(token), userId, clock.instant());
        tokens.add(stored);
        return new IssuedToken(token, stored);
    }

    /** The enabled account a token belongs to; empty for an unknown token or a disabled account. */
    public Optional<Account> byToken(String token) {
        if (token == null || !token.startsWith(TOKEN_PREFIX) || token.length() > 200) return Optional.empty();
        return tokens.findByHash(tokenHash(token)).flatMap(t -> accounts.find(t.userId())).filter(a -> !a.disabled());
    }

    /** SHA-256 of the token's UTF-8 bytes as lower-case hex: what {@link ApiTokenRepository} keeps. */
    public static String tokenHash(String token) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    private String dummyHash() {
        String h = dummyHash;
        if (h == null) {
            h = hasher.hash("not-a-real-password-at-all".toCharArray());
            dummyHash = h;
        }
        return h;
    }

    /** A token just issued: {@code token} is shown once to its owner; {@code stored} is what is kept. */
    public record IssuedToken(String token, ApiToken stored) { }
}
