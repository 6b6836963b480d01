package org.truce.implementation;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.truce.ground.ZoneId;

/**
 * Port: what watched a zone, and how well. The center's adapter reads the coverage projection; tests pass a lambda.
 * Implementations must be thread-safe if the tracker is shared, and answer the same for the same question.
 */
@FunctionalInterface
public interface ZoneCoverage {
    /**
     * The periods within [from, to) in which the zone was observed, in time order, each lying inside [from, to)
     * and counting only looks inside its own period. Empty when nothing looked.
     */
    List<Watch> watches(ZoneId zone, Instant from, Instant to);

    /** Nothing ever watched: every deadline without a violation stays UNVERIFIED. */
    static ZoneCoverage none() {
        return (zone, from, to) -> List.of();
    }

    /**
     * One observed period.
     *
     * @param probability probability in [0, 1] that a unit in the zone during [from, to) would have been detected
     * @param assets      the assets that looked, sorted
     */
    record Watch(Instant from, Instant to, double probability, List<String> assets) {
        public Watch {
            Objects.requireNonNull(from); Objects.requireNonNull(to);
            if (to.isBefore(from)) throw new IllegalArgumentException("watch ends before it starts: " + from + " > " + to);
            if (!(probability >= 0 && probability <= 1)) {
                throw new IllegalArgumentException("watch probability not in [0, 1]: " + probability);
            }
            assets = List.copyOf(assets);
        }
    }
}
