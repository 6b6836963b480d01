package org.truce.server.auth;

import com.password4j.Argon2Function;
import com.password4j.SecureString;
import com.password4j.types.Argon2;
import org.truce.accounts.PasswordHasher;

/**
 * Argon2id password hashes (RFC 9106) by the Password4j library. The encoded hash is the PHC string
 * {@code $argon2id$v=19$m=<KiB>,t=<passes>,p=<lanes>$<salt>$<hash>}, so parameters travel with each hash and can
 * be raised later: {@link #needsRehash} tells when a stored hash was made with other ones, and the account service
 * replaces it at the next successful sign-in. The salt is random per hash (Password4j's SecureRandom); the check
 * compares in constant time (Password4j's {@code slowEquals}). Thread-safe.
 */
public final class Argon2idHasher implements PasswordHasher {
    /** Length of the derived hash in bytes. */
    public static final int OUTPUT_BYTES = 32;

    /**
     * Argon2id cost.
     *
     * @param memoryKiB   memory per hash in KiB
     * @param iterations  passes over the memory
     * @param parallelism lanes
     */
    public record Params(int memoryKiB, int iterations, int parallelism) {
        public Params {
            if (memoryKiB < 8 * parallelism) throw new IllegalArgumentException("Argon2 memory must be >= 8 KiB per lane");
            if (iterations < 1 || parallelism < 1) throw new IllegalArgumentException("Argon2 iterations and parallelism must be >= 1");
        }

        /**
         * OWASP's recommended minimum for Argon2id (Password Storage Cheat Sheet): 19 MiB, 2 passes, 1 lane — tens
         * of milliseconds per sign-in on a server core.
         */
        public static Params defaults() {
            return new Params(19_456, 2, 1);
        }
    }

    private final Params params;
    private final Argon2Function function;

    public Argon2idHasher(Params params) {
        this.params = params;
        this.function = Argon2Function.getInstance(params.memoryKiB(), params.iterations(), params.parallelism(),
                OUTPUT_BYTES, Argon2.ID);
    }

    public Argon2idHasher() {
        this(Params.defaults());
    }

    public Params params() {
        return params;
    }

    @Override
    public String hash(char[] password) {
        return function.hash(new SecureString(password, false)).getResult();
    }

    @Override
    public boolean verify(char[] password, String encoded) {
        try {
            return Argon2Function.getInstanceFromHash(encoded).check(new SecureString(password, false), encoded);
        } catch (RuntimeException e) {
            return false; // not an Argon2 PHC string: no password matches it
        }
    }

    @Override
    public boolean needsRehash(String encoded) {
        try {
            Argon2Function stored = Argon2Function.getInstanceFromHash(encoded);
            return stored.getVariant() != Argon2.ID || stored.getMemory() != params.memoryKiB()
                    || stored.getIterations() != params.iterations() || stored.getParallelism() != params.parallelism()
                    || stored.getOutputLength() != OUTPUT_BYTES || stored.getVersion() != Argon2Function.ARGON2_VERSION_13;
        } catch (RuntimeException e) {
            return true;
        }
    }
}
