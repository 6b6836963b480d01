package org.truce.time;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Objects;

/**
 * A clock that moves only when told to: the simulated theater and deterministic tests inject it wherever
 * time is read, so every time in a simulated center's data is a scenario time. Thread-safe; never goes back.
 */
public final class SimulatedClock implements InstantSource {
    private volatile Instant now;

    public SimulatedClock(Instant start) {
        this.now = Objects.requireNonNull(start);
    }

    @Override
    public Instant instant() {
        return now;
    }

    /** Moves to {@code t}; a {@code t} before the current instant is ignored (the clock never goes back). */
    public synchronized void advanceTo(Instant t) {
        if (t.isAfter(now)) now = t;
    }

    public synchronized void advance(Duration d) {
        if (d.isNegative()) throw new IllegalArgumentException("negative duration");
        now = now.plus(d);
    }
}
