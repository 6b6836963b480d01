package org.truce.accounts;

/**
 * Turns passwords into self-describing hashes (algorithm, parameters and salt inside the string) and checks them.
 * Implementations use a maintained library, compare in constant time and are thread-safe. The caller owns the
 * {@code char[]} and may wipe it afterwards.
 */
public interface PasswordHasher {
    /** A new hash with a fresh random salt and the current parameters. */
    String hash(char[] password);

    /** True if {@code password} matches {@code encoded}; false (never an exception) for a hash it cannot read. */
    boolean verify(char[] password, String encoded);

    /** True if {@code encoded} was made with other parameters than {@link #hash} uses now. */
    boolean needsRehash(String encoded);
}
