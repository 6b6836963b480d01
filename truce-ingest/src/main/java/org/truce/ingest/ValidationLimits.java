package org.truce.ingest;

import java.time.Duration;
import java.util.Objects;

/**
 * Bounds the {@link ObservationValidator} enforces on every adapter's input.
 *
 * @param maxPastSkew   an observation older than the center clock by more than this is {@code stale} (default 24 h)
 * @param maxFutureSkew an observation newer than the center clock by more than this is {@code future} (default 30 s)
 * @param minAltitudeM  lowest accepted altitude, metres above the WGS 84 ellipsoid or ground (default -500:
 *                      the Dead Sea shore is −430 m)
 * @param maxAltitudeM  highest accepted altitude in metres (default 20 000)
 * @param maxFrameBytes largest accepted frame or message (default 64 KiB)
 */
public record ValidationLimits(Duration maxPastSkew, Duration maxFutureSkew, double minAltitudeM,
                               double maxAltitudeM, int maxFrameBytes) {
    public ValidationLimits {
        Objects.requireNonNull(maxPastSkew); Objects.requireNonNull(maxFutureSkew);
        if (maxPastSkew.isNegative() || maxFutureSkew.isNegative()) throw new IllegalArgumentException("negative skew");
        if (!(minAltitudeM < maxAltitudeM)) throw new IllegalArgumentException("minAltitudeM must be < maxAltitudeM");
        if (maxFrameBytes < 256) throw new IllegalArgumentException("maxFrameBytes must be >= 256");
    }

    public static ValidationLimits defaults() {
        return new ValidationLimits(Duration.ofHours(24), Duration.ofSeconds(30), -500, 20_000, 64 * 1024);
    }

    public ValidationLimits withSkew(Duration past, Duration future) {
        return new ValidationLimits(past, future, minAltitudeM, maxAltitudeM, maxFrameBytes);
    }
}
