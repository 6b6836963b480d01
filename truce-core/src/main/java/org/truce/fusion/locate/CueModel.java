package org.truce.fusion.locate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.truce.fusion.internal.SmallMatrix;

/**
 * The measurement model of a group of cues: whitened residuals and their Jacobian over the unknowns
 * (x, y) or, when acoustic arrivals take part, (x, y, u) with u = c * (emission time - first arrival) in metres.
 *
 * <p>Package-private; immutable after construction and thread-safe.
 */
final class CueModel {
    /** Smallest distance from a sensor used in bearing derivatives, to stay finite at the sensor itself. */
    private static final double MIN_RANGE_M = 1e-6;

    final List<Cue> cues;
    final double c;
    final Instant reference;
    final int unknowns;
    final int measurements;
    /** Arrivals: c * (arrival - reference), metres. */
    private final double[] arrivalM;

    CueModel(List<Cue> input, double speedOfSound) {
        List<Cue> sorted = new ArrayList<>(input);
        sorted.sort(Comparator.comparing(Cue::time).thenComparing(Cue::id));
        this.cues = List.copyOf(sorted);
        this.c = speedOfSound;
        Instant ref = null;
        int m = 0;
        for (Cue cue : cues) {
            switch (cue) {
                case Cue.Arrival a -> {
                    m += 1;
                    if (ref == null) {
                        ref = a.time();
                    }
                }
                case Cue.Bearing b -> m += b.range().isPresent() ? 2 : 1;
                case Cue.Fix f -> m += 2;
            }
        }
        this.reference = ref == null ? cues.getFirst().time() : ref;
        this.unknowns = ref == null ? 2 : 3;
        this.measurements = m;
        this.arrivalM = new double[cues.size()];
        for (int i = 0; i < cues.size(); i++) {
            if (cues.get(i) instanceof Cue.Arrival a) {
                arrivalM[i] = c * Duration.between(reference, a.time()).toNanos() / 1e9;
            }
        }
    }

    boolean hasArrivals() {
        return unknowns == 3;
    }

    /** The best u for a position, closed form: the weighted mean of (arrival - travel) over the arrivals. */
    double bestOffset(double x, double y) {
        double num = 0;
        double den = 0;
        for (int i = 0; i < cues.size(); i++) {
            if (cues.get(i) instanceof Cue.Arrival a) {
                double w = 1 / sq(c * a.sigmaSeconds());
                num += w * (arrivalM[i] - Math.hypot(x - a.sensorX(), y - a.sensorY()));
                den += w;
            }
        }
        return den == 0 ? 0 : num / den;
    }

    /** Whitened residuals at {@code p}; fills {@code jac} (measurements x unknowns) when it is not null. */
    double[] residuals(double[] p, double[][] jac) {
        double[] r = new double[measurements];
        int k = 0;
        for (int i = 0; i < cues.size(); i++) {
            Cue cue = cues.get(i);
            switch (cue) {
                case Cue.Arrival a -> {
                    double s = c * a.sigmaSeconds();
                    double dx = p[0] - a.sensorX();
                    double dy = p[1] - a.sensorY();
                    double rho = Math.max(MIN_RANGE_M, Math.hypot(dx, dy));
                    r[k] = (arrivalM[i] - p[2] - rho) / s;
                    if (jac != null) {
                        jac[k][0] = -dx / rho / s;
                        jac[k][1] = -dy / rho / s;
                        jac[k][2] = -1 / s;
                    }
                    k++;
                }
                case Cue.Bearing b -> {
                    double dx = p[0] - b.sensorX();
                    double dy = p[1] - b.sensorY();
                    double rho = Math.max(MIN_RANGE_M, Math.hypot(dx, dy));
                    double sigma = Math.toRadians(b.sigmaDeg());
                    double theta = Math.atan2(dx, dy);
                    r[k] = wrap(theta - Math.toRadians(b.bearingDeg())) / sigma;
                    if (jac != null) {
                        jac[k][0] = dy / (rho * rho) / sigma;
                        jac[k][1] = -dx / (rho * rho) / sigma;
                    }
                    k++;
                    if (b.range().isPresent()) {
                        Cue.RangeBand band = b.range().get();
                        r[k] = (rho - band.midM()) / band.sigmaM();
                        if (jac != null) {
                            jac[k][0] = dx / rho / band.sigmaM();
                            jac[k][1] = dy / rho / band.sigmaM();
                        }
                        k++;
                    }
                }
                case Cue.Fix f -> {
                    // Whiten with the Cholesky factor L of the fix covariance: w = L^-1 (p - f).
                    double l00 = Math.sqrt(f.covariance().xx());
                    double l10 = f.covariance().xy() / l00;
                    double l11 = Math.sqrt(f.covariance().yy() - l10 * l10);
                    double w0 = (p[0] - f.x()) / l00;
                    r[k] = w0;
                    r[k + 1] = (p[1] - f.y() - l10 * w0) / l11;
                    if (jac != null) {
                        jac[k][0] = 1 / l00;
                        jac[k + 1][0] = -l10 / (l00 * l11);
                        jac[k + 1][1] = 1 / l11;
                    }
                    k += 2;
                }
            }
        }
        return r;
    }

    /** The Fisher information J^T J of the whitened model at {@code p}. */
    double[][] information(double[] p) {
        double[][] jac = new double[measurements][unknowns];
        residuals(p, jac);
        return SmallMatrix.multiply(SmallMatrix.transpose(jac), jac);
    }

    /** The unknowns at a position, with the best offset when arrivals take part. */
    double[] start(double x, double y) {
        return hasArrivals() ? new double[] {x, y, bestOffset(x, y)} : new double[] {x, y};
    }

    static double cost(double[] r) {
        double s = 0;
        for (double v : r) {
            s += v * v;
        }
        return s;
    }

    static double wrap(double radians) {
        double w = Math.IEEEremainder(radians, 2 * Math.PI);
        return w == -Math.PI ? Math.PI : w;
    }

    private static double sq(double v) {
        return v * v;
    }
}
