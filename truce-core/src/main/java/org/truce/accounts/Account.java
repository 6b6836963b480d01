package org.truce.accounts;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.truce.ground.ContingentId;
import org.truce.ground.PartyId;
import org.truce.cases.Principal;
import org.truce.cases.Role;

/**
 * A person who may sign in. Immutable. Invariants: the user id is 1–64 characters of letters, digits,
 * {@code . _ -} and starts with a letter or digit; role, contingent and party obey {@link Principal}'s rules
 * (staff: a contingent; liaison officer: a party; auditor: neither); {@link Role#PUBLIC} is nobody's account
 * (the public needs none). The password hash is not part of the account: it stays in the repository.
 *
 * @param displayName how pages name the person; the user id when none was given
 * @param created     when the account was added (UTC)
 */
public record Account(String userId, String displayName, Role role, Optional<ContingentId> contingent,
                      Optional<PartyId> party, Language language, boolean disabled, Instant created) {
    private static final Pattern USER_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    public Account {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(contingent, "contingent");
        Objects.requireNonNull(party, "party");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(created, "created");
        checkUserId(userId);
        displayName = displayName == null || displayName.isBlank() ? userId : displayName.strip();
        if (displayName.length() > 200) throw new AccountException("user " + userId + ": name longer than 200 characters");
        if (role == Role.PUBLIC) {
            throw new AccountException("user " + userId + ": role PUBLIC needs no account (anyone without one is public)");
        }
        try {
            new Principal(userId, role, contingent, party);
        } catch (IllegalArgumentException e) {
            throw new AccountException(e.getMessage().replaceFirst("^principal", "user"));
        }
    }

    /** @throws AccountException naming the id and the rule it breaks */
    public static String checkUserId(String userId) {
        if (userId == null || !USER_ID.matcher(userId).matches()) {
            throw new AccountException("user id '" + userId + "' is not 1-64 letters, digits, '.', '_' or '-' "
                    + "starting with a letter or digit");
        }
        return userId;
    }

    /** Who this account speaks for on each request. */
    public Principal principal() {
        return new Principal(userId, role, contingent, party);
    }

    public Account withDisabled(boolean d) {
        return new Account(userId, displayName, role, contingent, party, language, d, created);
    }
}
