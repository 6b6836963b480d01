package org.truce.sim;

/**
 * Called after each simulation step, once the step's observations are in the ingest port and the clock stands at
 * the step's time: the place to run {@code Center.tick()} and to report progress. Runs on the simulating thread.
 */
@FunctionalInterface
public interface StepListener {
    void afterStep(SimStep step);

    /** A listener that does nothing. */
    static StepListener none() {
        return s -> { };
    }
}
