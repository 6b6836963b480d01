package org.truce.accounts;

/** An account request that cannot be carried out (unknown contingent, duplicate user …); the message says why. */
public final class AccountException extends IllegalArgumentException {
    public AccountException(String message) {
        super(message);
    }
}
