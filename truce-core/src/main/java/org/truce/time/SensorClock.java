package org.truce.time;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Objects;
import java.util.Optional;

/**
 * A center clock that follows its sensors: it stands at the latest time of an accepted observation and moves only
 * when a later one is accepted, so a center replaying an exercise or driven by the simulator through the real
 * protocols lives in scenario time (every time in its data is a sensor time), and its decisions depend only on
 * what it was sent, not on when.
 *
 * <p>Until the first observation (or the log's last one, on a restart) it has no time: {@link #instant()} is then
 * the epoch and the skew checks are skipped for that first observation. The past bound is the center's usual one,
 * measured from the latest sensor time. The future bound is {@code maxJump} (sensors may fall silent for a while,
 * and a replay runs faster than real time, so the usual few seconds of future skew do not fit), measured from
 * {@link #futureReference()}: the latest sensor time plus the wall time elapsed since it was reached, so a quiet
 * spell longer than {@code maxJump} does not lock the sensors out, while one report far ahead is still refused.
 * Thread-safe; never goes back.
 */
public final class SensorClock implements InstantSource {
    private final InstantSource wall;
    private final Duration maxJump;
    private Instant latest;
    private Instant wallAtLatest;

    /**
     * @param start the time to start at (the last accepted observation's, on a restart), or empty to let the first
     *              accepted observation set it
     * @param maxJump how far ahead of the latest sensor time (plus idle wall time) an observation may be
     * @param wall  the real clock, used only for the future bound
     */
    public SensorClock(Optional<Instant> start, Duration maxJump, InstantSource wall) {
        this.wall = Objects.requireNonNull(wall);
        this.maxJump = Objects.requireNonNull(maxJump);
        if (maxJump.isNegative()) throw new IllegalArgumentException("maxJump must not be negative");
        this.latest = start.orElse(null);
        this.wallAtLatest = wall.instant();
    }

    /** The latest accepted observation time; the epoch before the first. */
    @Override
    public synchronized Instant instant() {
        return latest == null ? Instant.EPOCH : latest;
    }

    /** The latest accepted observation time, empty before the first. */
    public synchronized Optional<Instant> latest() {
        return Optional.ofNullable(latest);
    }

    public Duration maxJump() {
        return maxJump;
    }

    /** What the future skew bound is measured from: the latest time plus the wall time elapsed since it was reached. */
    public synchronized Instant futureReference() {
        if (latest == null) return Instant.EPOCH;
        Duration idle = Duration.between(wallAtLatest, wall.instant());
        return idle.isNegative() ? latest : latest.plus(idle);
    }

    /**
     * Why {@code t} is outside the skew bounds, measured from the sensor time; empty when it is inside them or the
     * clock has no time yet.
     */
    public synchronized Optional<Refusal> outOfBounds(Instant t, Duration maxPast) {
        if (latest == null) return Optional.empty();
        if (t.isBefore(latest.minus(maxPast))) {
            return Optional.of(new Refusal("stale", "time " + t + " is more than " + maxPast
                    + " before the latest sensor time " + latest + " (the center clock follows its sensors)"));
        }
        Instant ahead = futureReference();
        if (t.isAfter(ahead.plus(maxJump))) {
            return Optional.of(new Refusal("future", "time " + t + " is more than " + maxJump
                    + " after the latest sensor time " + latest + " plus the " + Duration.between(latest, ahead)
                    + " since (the center clock follows its sensors)"));
        }
        return Optional.empty();
    }

    /** Why an observation time is refused: {@code reason} is {@code stale} or {@code future}. */
    public record Refusal(String reason, String detail) { }

    /** Moves to {@code t} if it is later than the latest time; an earlier {@code t} is ignored. */
    public synchronized void advanceTo(Instant t) {
        Objects.requireNonNull(t);
        if (latest == null || t.isAfter(latest)) {
            latest = t;
            wallAtLatest = wall.instant();
        }
    }
}
