package org.truce.ground.uncertainty;

/**
 * A confidence ellipse of a bivariate normal position: the region {@code d^T C^-1 d <= k} with
 * {@code k = -2 ln(1 - probability)}, the chi-square(2) quantile (5.991 for 95 %).
 *
 * <p>Immutable. Lengths in metres; the orientation is the azimuth of the semi-major axis, degrees clockwise
 * from north in [0, 180).
 *
 * @param semiMajorM      semi-major axis, m
 * @param semiMinorM      semi-minor axis, m
 * @param orientationDeg  azimuth of the semi-major axis, degrees clockwise from north, in [0, 180)
 * @param probability     probability mass inside, in (0, 1)
 */
public record ErrorEllipse(double semiMajorM, double semiMinorM, double orientationDeg, double probability) {
    public ErrorEllipse {
        if (!(semiMajorM >= semiMinorM && semiMinorM >= 0) || !Double.isFinite(semiMajorM)) {
            throw new IllegalArgumentException("need semiMajorM >= semiMinorM >= 0, got " + semiMajorM + ", " + semiMinorM);
        }
        if (!(probability > 0 && probability < 1)) {
            throw new IllegalArgumentException("probability must be in (0, 1): " + probability);
        }
    }

    /** The chi-square(2) quantile: -2 ln(1 - p). 5.991 for p = 0.95, 9.210 for 0.99. */
    public static double chiSquare2Quantile(double probability) {
        if (!(probability > 0 && probability < 1)) {
            throw new IllegalArgumentException("probability must be in (0, 1): " + probability);
        }
        return -2 * Math.log1p(-probability);
    }

    /** The ellipse of {@code cov} holding {@code probability}. Eigen-decomposition in closed form. */
    public static ErrorEllipse of(Covariance2 cov, double probability) {
        double k = chiSquare2Quantile(probability);
        double mean = 0.5 * (cov.xx() + cov.yy());
        double diff = 0.5 * (cov.xx() - cov.yy());
        double radius = Math.hypot(diff, cov.xy());
        double l1 = mean + radius;
        double l2 = Math.max(0, mean - radius);
        // Major-axis angle from the x (east) axis, then turned into an azimuth from north.
        double thetaFromEast = 0.5 * Math.atan2(2 * cov.xy(), cov.xx() - cov.yy());
        double azimuth = 90 - Math.toDegrees(thetaFromEast);
        azimuth = ((azimuth % 180) + 180) % 180;
        return new ErrorEllipse(Math.sqrt(k * l1), Math.sqrt(k * l2), azimuth, probability);
    }

    /** Area in square metres. */
    public double areaM2() {
        return Math.PI * semiMajorM * semiMinorM;
    }
}
