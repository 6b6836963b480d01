package org.truce.geo;

/**
 * The standard normal cumulative distribution function, for turning a signed distance and a position
 * sigma into a probability. Stateless and thread-safe.
 *
 * <p>JTS, proj4j and the JDK have no error function, and the core takes no math library for one formula,
 * so this is the W. J. Cody-style rational approximation of erfc published in Numerical Recipes
 * ({@code erfcc}, fractional error below 1.2e-7 everywhere), which is far below the precision of any
 * position uncertainty it is combined with.
 */
public final class NormalDistribution {
    private NormalDistribution() {}

    /** P(X &le; x) for a standard normal X. */
    public static double cdf(double x) {
        if (Double.isNaN(x)) throw new IllegalArgumentException("x is NaN");
        return 0.5 * erfc(-x / Math.sqrt(2));
    }

    static double erfc(double x) {
        double z = Math.abs(x);
        double t = 1.0 / (1.0 + 0.5 * z);
        double r = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
                + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
                + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? r : 2 - r;
    }
}
