package org.truce.ground.uncertainty;

/**
 * The standard normal distribution functions fusion needs. Stateless and thread-safe.
 */
public final class Gaussian {
    private Gaussian() {
    }

    /**
     * The standard normal cumulative distribution Phi(z), with a relative error near 1e-14: a Taylor series for
     * |z| < 3 and the Mills-ratio continued fraction beyond, both of which converge quickly there.
     */
    public static double cdf(double z) {
        if (Double.isNaN(z)) {
            throw new IllegalArgumentException("z is NaN");
        }
        if (z < -38) {
            return 0;
        }
        if (z > 38) {
            return 1;
        }
        double a = Math.abs(z);
        double tail; // P(Z > a)
        if (a < 3) {
            // Series: Phi(a) - 1/2 = phi(a) * sum a^(2n+1) / (1*3*5*...*(2n+1)).
            double term = a;
            double sum = a;
            for (int n = 1; n < 200 && Math.abs(term) > 1e-17 * Math.abs(sum); n++) {
                term *= a * a / (2 * n + 1);
                sum += term;
            }
            tail = 0.5 - density(a) * sum;
        } else {
            // Lentz continued fraction for the Mills ratio.
            double f = a;
            double c = a;
            double d = 0;
            for (int n = 1; n < 300; n++) {
                double an = n;
                d = a + an * d;
                d = d == 0 ? 1e-300 : d;
                c = a + an / c;
                c = c == 0 ? 1e-300 : c;
                d = 1 / d;
                double delta = c * d;
                f *= delta;
                if (Math.abs(delta - 1) < 1e-16) {
                    break;
                }
            }
            tail = density(a) / f;
        }
        return z >= 0 ? 1 - tail : tail;
    }

    /** The standard normal density phi(z). */
    public static double density(double z) {
        return Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
    }
}
