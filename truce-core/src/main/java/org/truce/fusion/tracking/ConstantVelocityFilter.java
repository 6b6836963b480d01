package org.truce.fusion.tracking;

import static org.truce.fusion.internal.SmallMatrix.add;
import static org.truce.fusion.internal.SmallMatrix.inverse;
import static org.truce.fusion.internal.SmallMatrix.multiply;
import static org.truce.fusion.internal.SmallMatrix.subtract;
import static org.truce.fusion.internal.SmallMatrix.symmetrize;
import static org.truce.fusion.internal.SmallMatrix.transpose;

import org.truce.ground.uncertainty.Covariance2;

/**
 * The Kalman filter of a 2-D constant-velocity target with a position measurement.
 *
 * <p>State (x, y, vx, vy) in metres and metres per second. The process noise is continuous white acceleration of
 * spectral density {@code q} (m^2/s^3) per axis, discretised exactly:
 * {@code Q = q [[dt^3/3, dt^2/2], [dt^2/2, dt]]} per axis. Updates use the Joseph form so the covariance stays
 * symmetric positive definite. Immutable and thread-safe; every method returns a new {@link State}.
 */
public final class ConstantVelocityFilter {
    private static final double[][] H = {{1, 0, 0, 0}, {0, 1, 0, 0}};
    private static final double[][] HT = transpose(H);

    private final double q;

    /** @param accelerationPsd q in m^2/s^3, > 0 */
    public ConstantVelocityFilter(double accelerationPsd) {
        if (!(accelerationPsd > 0) || !Double.isFinite(accelerationPsd)) {
            throw new IllegalArgumentException("accelerationPsd must be > 0, got " + accelerationPsd);
        }
        this.q = accelerationPsd;
    }

    /**
     * A filter state: mean (x, y, vx, vy) and covariance.
     */
    public record State(double[] mean, double[][] covariance) {
        public State {
            mean = mean.clone();
            covariance = org.truce.fusion.internal.SmallMatrix.copy(covariance);
        }

        @Override
        public double[] mean() {
            return mean.clone();
        }

        @Override
        public double[][] covariance() {
            return org.truce.fusion.internal.SmallMatrix.copy(covariance);
        }

        /** Component {@code i} of the mean, without the defensive copy of {@link #mean()} (hot in gating). */
        public double mean(int i) {
            return mean[i];
        }

        /** Entry (i, j) of the covariance, without the defensive copy of {@link #covariance()}. */
        public double covariance(int i, int j) {
            return covariance[i][j];
        }
    }

    /** The innovation of a measurement against a predicted state. */
    public record Innovation(double dx, double dy, Covariance2 covariance, double mahalanobis2) {
    }

    /** A state at rest-unknown: the measured position, zero velocity with the given 1-sigma per component. */
    public State initial(double x, double y, Covariance2 measurement, double speedSigmaMps) {
        double v = speedSigmaMps * speedSigmaMps;
        double[][] p = {
            {measurement.xx(), measurement.xy(), 0, 0},
            {measurement.xy(), measurement.yy(), 0, 0},
            {0, 0, v, 0},
            {0, 0, 0, v}};
        return new State(new double[] {x, y, 0, 0}, p);
    }

    /** Predicts {@code dtSeconds >= 0} ahead. */
    public State predict(State s, double dtSeconds) {
        return predict(s, dtSeconds, 1);
    }

    /**
     * Predicts {@code dtSeconds >= 0} ahead with the process noise scaled by {@code noiseScale} in [0, 1] (0: the
     * deterministic part F P F' only), for callers that bound a long coast's growth.
     */
    public State predict(State s, double dtSeconds, double noiseScale) {
        if (!(noiseScale >= 0 && noiseScale <= 1)) {
            throw new IllegalArgumentException("noiseScale must be in [0, 1], got " + noiseScale);
        }
        if (!(dtSeconds >= 0)) {
            throw new IllegalArgumentException("cannot predict backwards: dt = " + dtSeconds);
        }
        if (dtSeconds == 0) {
            return s;
        }
        double dt = dtSeconds;
        double[][] f = {{1, 0, dt, 0}, {0, 1, 0, dt}, {0, 0, 1, 0}, {0, 0, 0, 1}};
        double qs = q * noiseScale;
        double a = qs * dt * dt * dt / 3;
        double b = qs * dt * dt / 2;
        double c = qs * dt;
        double[][] qm = {{a, 0, b, 0}, {0, a, 0, b}, {b, 0, c, 0}, {0, b, 0, c}};
        double[] m = s.mean;
        double[] mean = {m[0] + dt * m[2], m[1] + dt * m[3], m[2], m[3]};
        double[][] p = symmetrize(add(multiply(multiply(f, s.covariance), transpose(f)), qm));
        return new State(mean, p);
    }

    /** The innovation of measuring (x, y) with noise {@code r} against {@code predicted}. */
    public Innovation innovation(State predicted, double x, double y, Covariance2 r) {
        double[][] p = predicted.covariance;
        Covariance2 s = new Covariance2(p[0][0] + r.xx(), 0.5 * (p[0][1] + p[1][0]) + r.xy(), p[1][1] + r.yy());
        double dx = x - predicted.mean[0];
        double dy = y - predicted.mean[1];
        return new Innovation(dx, dy, s, s.mahalanobis2(dx, dy));
    }

    /** The posterior after measuring (x, y) with noise {@code r}. */
    public State update(State predicted, double x, double y, Covariance2 r) {
        Innovation in = innovation(predicted, x, y, r);
        double[][] p = predicted.covariance;
        double[][] k = multiply(multiply(p, HT), inverse(in.covariance().toArray()));
        double[] m = predicted.mean;
        double[] mean = new double[4];
        for (int i = 0; i < 4; i++) {
            mean[i] = m[i] + k[i][0] * in.dx() + k[i][1] * in.dy();
        }
        double[][] ikh = subtract(org.truce.fusion.internal.SmallMatrix.identity(4), multiply(k, H));
        double[][] joseph = add(multiply(multiply(ikh, p), transpose(ikh)),
                multiply(multiply(k, r.toArray()), transpose(k)));
        return new State(mean, symmetrize(joseph));
    }
}
