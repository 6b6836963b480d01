package org.truce.cases;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.truce.ground.ContingentId;

/**
 * Answers "was this area observed during this interval, by whom, with what probability of detection?". The real
 * implementation comes from the coverage computation; tests pass a lambda. Must be pure for a given input.
 */
@FunctionalInterface
public interface CoverageOracle {
    List<Observer> observed(Area area, Instant from, Instant to);

    /**
     * One source of coverage.
     *
     * @param asset       asset id, e.g. {@code RU-UAV-03}
     * @param probability probability in [0, 1] that this asset would have detected the alleged event
     */
    record Observer(ContingentId contingent, String asset, double probability) {
        public Observer {
            Objects.requireNonNull(contingent); Objects.requireNonNull(asset);
            if (!(probability >= 0 && probability <= 1)) throw new IllegalArgumentException("probability not in [0, 1]: " + probability);
        }
    }

    /** Combined probability that at least one observer would have detected it, assuming independent sensors. */
    static double combined(List<Observer> observers) {
        double miss = 1.0;
        for (Observer o : observers) miss *= 1.0 - o.probability();
        return 1.0 - miss;
    }
}
