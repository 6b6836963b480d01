package org.truce.fusion.locate;

import org.truce.ground.uncertainty.Covariance2;

/**
 * Scores located events against ground truth, for the simulator's evaluation: RMS error, the Cramér–Rao bound's
 * RMS for the same geometries, and how often the 95 % ellipse held the truth (a consistent locator scores about
 * 0.95 and an RMS close to the bound).
 *
 * <p>Mutable accumulator, not thread-safe; deterministic.
 */
public final class LocationAccuracy {
    private static final double CHI2_2_95 = -2 * Math.log(0.05);

    private int count;
    private double squaredError;
    private double boundTrace;
    private int inside;

    /**
     * Adds one located event.
     *
     * @param truthX true east, m
     * @param truthY true north, m
     * @param crlb   the bound for the event's cues at the truth ({@link EventLocator#crlb})
     */
    public void add(LocatedEvent event, double truthX, double truthY, Covariance2 crlb) {
        double dx = truthX - event.x();
        double dy = truthY - event.y();
        count++;
        squaredError += dx * dx + dy * dy;
        boundTrace += crlb.trace();
        if (event.covariance().mahalanobis2(dx, dy) <= CHI2_2_95) {
            inside++;
        }
    }

    public int count() {
        return count;
    }

    /** Root mean square radial error, m; NaN before the first event. */
    public double rmsErrorM() {
        return count == 0 ? Double.NaN : Math.sqrt(squaredError / count);
    }

    /** Root of the mean Cramér–Rao trace: the best RMS radial error any unbiased locator could reach, m. */
    public double crlbRmsM() {
        return count == 0 ? Double.NaN : Math.sqrt(boundTrace / count);
    }

    /** {@link #rmsErrorM()} over {@link #crlbRmsM()}: near 1 for an efficient locator. */
    public double efficiencyRatio() {
        return rmsErrorM() / crlbRmsM();
    }

    /** Share of events whose 95 % ellipse held the truth. */
    public double ellipseCoverage() {
        return count == 0 ? Double.NaN : (double) inside / count;
    }
}
