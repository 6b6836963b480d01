package org.truce.server.auth;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down password guessing. Failed sign-ins are counted per user id (whether or not it exists, so the answer
 * never tells) and per client address. Past {@code freeFailures} for a user (four times as many for an address,
 * which many people may share behind one gateway), each further failure locks that key for
 * {@code baseDelay × 2^(n-1)}, at most {@code maxDelay}. A successful sign-in clears the user's count; a key
 * without failures for {@code forgetAfter} is forgotten. Thread-safe; memory is bounded by sweeping forgotten keys.
 */
public final class LoginThrottle {
    /**
     * @param freeFailures failures per user before the first lockout
     * @param baseDelay    first lockout
     * @param maxDelay     longest lockout
     * @param forgetAfter  a key's failures are forgotten after this long without one
     */
    public record Config(int freeFailures, Duration baseDelay, Duration maxDelay, Duration forgetAfter) {
        public Config {
            if (freeFailures < 1) throw new IllegalArgumentException("freeFailures must be >= 1");
            if (baseDelay.isNegative() || baseDelay.isZero() || maxDelay.compareTo(baseDelay) < 0) {
                throw new IllegalArgumentException("need 0 < baseDelay <= maxDelay");
            }
            if (forgetAfter.isNegative() || forgetAfter.isZero()) throw new IllegalArgumentException("forgetAfter must be > 0");
        }

        /** 5 free failures, then 1 s doubling up to 15 min; forgotten after 1 h without a failure. */
        public static Config defaults() {
            return new Config(5, Duration.ofSeconds(1), Duration.ofMinutes(15), Duration.ofHours(1));
        }
    }

    private record Count(int failures, Instant last, Instant lockedUntil) { }

    private static final int ADDRESS_FACTOR = 4;
    private static final int SWEEP_ABOVE = 10_000;

    private final Config config;
    private final InstantSource clock;
    private final Map<String, Count> counts = new ConcurrentHashMap<>();

    public LoginThrottle(Config config, InstantSource clock) {
        this.config = Objects.requireNonNull(config);
        this.clock = Objects.requireNonNull(clock);
    }

    /** How long the caller must wait before trying this user from this address; empty if it may try now. */
    public Optional<Duration> retryAfter(String user, String address) {
        Instant now = clock.instant();
        Duration longest = Duration.ZERO;
        for (String key : new String[] {userKey(user), addressKey(address)}) {
            Count c = counts.get(key);
            if (c != null && now.isBefore(c.lockedUntil())) {
                Duration left = Duration.between(now, c.lockedUntil());
                if (left.compareTo(longest) > 0) longest = left;
            }
        }
        return longest.isZero() ? Optional.empty() : Optional.of(longest);
    }

    /** Records a failed sign-in. */
    public void failed(String user, String address) {
        Instant now = clock.instant();
        if (counts.size() > SWEEP_ABOVE) counts.values().removeIf(c -> forgotten(c, now));
        count(userKey(user), config.freeFailures(), now);
        count(addressKey(address), config.freeFailures() * ADDRESS_FACTOR, now);
    }

    /** Clears the user's failures after a successful sign-in. */
    public void succeeded(String user) {
        counts.remove(userKey(user));
    }

    private void count(String key, int free, Instant now) {
        counts.compute(key, (k, old) -> {
            int n = old == null || forgotten(old, now) ? 1 : old.failures() + 1;
            Instant until = now;
            if (n > free) {
                int doublings = Math.min(n - free - 1, 30);
                Duration d = config.baseDelay().multipliedBy(1L << doublings);
                until = now.plus(d.compareTo(config.maxDelay()) > 0 ? config.maxDelay() : d);
            }
            return new Count(n, now, until);
        });
    }

    private boolean forgotten(Count c, Instant now) {
        return !now.isBefore(c.last().plus(config.forgetAfter())) && !now.isBefore(c.lockedUntil());
    }

    private static String userKey(String user) {
        return "u:" + String.valueOf(user).toLowerCase(Locale.ROOT);
    }

    private static String addressKey(String address) {
        return "a:" + address;
    }
}
