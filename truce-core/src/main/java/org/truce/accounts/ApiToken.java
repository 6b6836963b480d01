package org.truce.accounts;

import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A stored API token: never the token itself, only its SHA-256 (64 lower-case hex digits), with whose it is.
 * Immutable.
 *
 * @param hash    SHA-256 of the token's UTF-8 bytes, lower-case hex
 * @param created when it was issued (UTC)
 */
public record ApiToken(String hash, String userId, Instant created) {
    private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");

    public ApiToken {
        if (hash == null || !HEX64.matcher(hash).matches()) {
            throw new IllegalArgumentException("API token hash must be 64 lower-case hex digits");
        }
        Account.checkUserId(userId);
        Objects.requireNonNull(created, "created");
    }
}
