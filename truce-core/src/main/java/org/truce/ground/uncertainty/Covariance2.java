package org.truce.ground.uncertainty;

/**
 * A 2x2 horizontal position covariance in a local metric frame (x east, y north), in square metres.
 *
 * <p>Invariant: symmetric positive semi-definite (variances non-negative, |xy| at most sqrt(xx*yy) up to rounding).
 * Immutable.
 *
 * @param xx variance east, m^2
 * @param xy covariance east-north, m^2
 * @param yy variance north, m^2
 */
public record Covariance2(double xx, double xy, double yy) {
    public Covariance2 {
        if (!Double.isFinite(xx) || !Double.isFinite(xy) || !Double.isFinite(yy)) {
            throw new IllegalArgumentException("covariance must be finite: " + xx + ", " + xy + ", " + yy);
        }
        if (xx < 0 || yy < 0) {
            throw new IllegalArgumentException("variances must be >= 0: xx=" + xx + ", yy=" + yy);
        }
        if (xy * xy > xx * yy * (1 + 1e-9) + 1e-18) {
            throw new IllegalArgumentException("not positive semi-definite: xy^2 > xx*yy (" + xx + ", " + xy + ", " + yy + ")");
        }
    }

    /** A circular covariance with standard deviation {@code sigmaM} in every direction. */
    public static Covariance2 circular(double sigmaM) {
        return new Covariance2(sigmaM * sigmaM, 0, sigmaM * sigmaM);
    }

    /**
     * The circular covariance whose circular error probable is {@code cepM}: sigma = CEP / sqrt(2 ln 2) = CEP / 1.1774.
     */
    public static Covariance2 fromCep(double cepM) {
        return circular(cepM / CEP_PER_SIGMA);
    }

    /** CEP / sigma for a circular normal: sqrt(2 ln 2). */
    public static final double CEP_PER_SIGMA = Math.sqrt(2 * Math.log(2));

    /**
     * A covariance from its principal standard deviations and the orientation of the major one.
     *
     * @param sigmaAlongM  standard deviation along the direction {@code azimuthDeg}
     * @param sigmaAcrossM standard deviation perpendicular to it
     * @param azimuthDeg   direction of {@code sigmaAlongM}, degrees clockwise from north
     */
    public static Covariance2 oriented(double sigmaAlongM, double sigmaAcrossM, double azimuthDeg) {
        double a = Math.toRadians(azimuthDeg);
        double ux = Math.sin(a);
        double uy = Math.cos(a);
        double va = sigmaAlongM * sigmaAlongM;
        double vc = sigmaAcrossM * sigmaAcrossM;
        return new Covariance2(va * ux * ux + vc * uy * uy, (va - vc) * ux * uy, va * uy * uy + vc * ux * ux);
    }

    public double determinant() {
        return xx * yy - xy * xy;
    }

    public double trace() {
        return xx + yy;
    }

    /** Root of the mean variance: a single-number 1-sigma radius, sqrt((xx + yy) / 2). */
    public double sigmaM() {
        return Math.sqrt(trace() / 2);
    }

    /** Root of the trace: the expected RMS radial error, sqrt(xx + yy). */
    public double rmsRadialM() {
        return Math.sqrt(trace());
    }

    /** Squared Mahalanobis distance of the offset (dx, dy) under this covariance. */
    public double mahalanobis2(double dx, double dy) {
        double det = determinant();
        if (!(det > 0)) {
            throw new ArithmeticException("covariance is singular, Mahalanobis distance undefined");
        }
        return (yy * dx * dx - 2 * xy * dx * dy + xx * dy * dy) / det;
    }

    /** Variance along the unit direction (ux, uy). */
    public double varianceAlong(double ux, double uy) {
        return xx * ux * ux + 2 * xy * ux * uy + yy * uy * uy;
    }

    public Covariance2 plus(Covariance2 o) {
        return new Covariance2(xx + o.xx, xy + o.xy, yy + o.yy);
    }

    public Covariance2 scaled(double factor) {
        return new Covariance2(xx * factor, xy * factor, yy * factor);
    }

    /** The error ellipse holding probability {@code probability} (e.g. 0.95) of a normal with this covariance. */
    public ErrorEllipse ellipse(double probability) {
        return ErrorEllipse.of(this, probability);
    }

    public double[][] toArray() {
        return new double[][] {{xx, xy}, {xy, yy}};
    }

    /** The covariance from the top-left 2x2 block of {@code m}, symmetrized. */
    public static Covariance2 fromArray(double[][] m) {
        double off = 0.5 * (m[0][1] + m[1][0]);
        return new Covariance2(m[0][0], off, m[1][1]);
    }
}
