package org.truce.ground.uncertainty;

import java.util.Objects;

/**
 * A position in a local metric frame (x east, y north, metres) with its Gaussian uncertainty. Immutable.
 */
public record PositionEstimate(double x, double y, Covariance2 covariance) {
    public PositionEstimate {
        if (!Double.isFinite(x) || !Double.isFinite(y)) {
            throw new IllegalArgumentException("position must be finite: " + x + ", " + y);
        }
        Objects.requireNonNull(covariance, "covariance");
    }

    /** A position whose uncertainty is a circular error probable (CEP) in metres. */
    public static PositionEstimate withCep(double x, double y, double cepM) {
        return new PositionEstimate(x, y, Covariance2.fromCep(cepM));
    }

    public ErrorEllipse ellipse95() {
        return covariance.ellipse(0.95);
    }
}
