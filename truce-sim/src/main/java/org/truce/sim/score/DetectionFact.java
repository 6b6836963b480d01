package org.truce.sim.score;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One detection the center accepted, with the truth behind it. Immutable.
 *
 * @param id   the accepted observation's id ({@code OBS-<seq>})
 * @param time the detection's time
 * @param unit the true unit it reported, empty for a false alarm
 */
public record DetectionFact(String id, Instant time, Optional<String> unit) {
    public DetectionFact {
        Objects.requireNonNull(id); Objects.requireNonNull(time); Objects.requireNonNull(unit);
    }
}
