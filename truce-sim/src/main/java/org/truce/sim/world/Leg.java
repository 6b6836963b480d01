package org.truce.sim.world;

/**
 * One leg of a mover's plan: drive to ({@code x}, {@code y}) at {@code speedMps}, not starting before
 * {@code notBeforeS} (seconds since the run's start). A leg to the current position is a wait.
 */
public record Leg(double x, double y, double speedMps, double notBeforeS) {
    public Leg {
        if (!(speedMps > 0)) throw new IllegalArgumentException("speedMps must be > 0");
    }
}
