package org.truce.store.jdbc;

import java.time.Instant;

/**
 * Instants as signed 64-bit nanoseconds since the epoch: exact to the nanosecond and portable (a BIGINT in
 * every database), unlike SQL timestamps whose precision differs (PostgreSQL keeps microseconds).
 * The representable range is about 1677-09-21 to 2262-04-11; instants outside it are refused.
 */
final class EpochNanos {
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private EpochNanos() {}

    /** @throws IllegalArgumentException naming {@code field} when the instant is outside the representable range */
    static long of(Instant t, String field) {
        try {
            return Math.addExact(Math.multiplyExact(t.getEpochSecond(), NANOS_PER_SECOND), t.getNano());
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(field + " " + t
                    + " is outside the range the store keeps (1677-09-21 to 2262-04-11)", e);
        }
    }

    static Instant toInstant(long nanos) {
        return Instant.ofEpochSecond(Math.floorDiv(nanos, NANOS_PER_SECOND), Math.floorMod(nanos, NANOS_PER_SECOND));
    }
}
