package org.truce.fusion.locate;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.truce.fusion.internal.SmallMatrix;
import org.truce.fusion.locate.LocationResult.Reason;
import org.truce.ground.uncertainty.Covariance2;
import org.truce.ground.uncertainty.ErrorEllipse;

/**
 * Locates one fire event from a group of cues (acoustic arrivals, bearings with or without distance bands, fixes)
 * by weighted nonlinear least squares, and says why when it cannot.
 *
 * <p>Method: Levenberg–Marquardt (Marquardt's diagonal scaling) on the whitened residuals of {@link CueModel},
 * started from every sensible guess — each fix, each pairwise bearing intersection, each range-band point, the
 * sensors' centroid and a ring of points around it out to four times the array's span — and the lowest-cost
 * stationary point wins. If another, distant minimum fits about as well the result is {@link Reason#AMBIGUOUS}.
 * The covariance is the inverse Fisher information at the estimate; {@link #crlb} gives it at any point (e.g. the
 * ground truth) for evaluation.
 *
 * <p>Geometry checks before solving: collinear acoustic sensors (mirror ambiguity) and nearly parallel bearings
 * are refused with their numbers; after solving, a 95 % ellipse larger than {@link LocatorConfig#maxErrorM()} is
 * {@link Reason#ILL_CONDITIONED} and residuals beyond the chi-square 0.999 quantile are
 * {@link Reason#INCONSISTENT_CUES}.
 *
 * <p>Pure and deterministic; immutable and thread-safe.
 */
public final class EventLocator {
    /** Likelihood-ratio margin (in cost units, -2 ln L) under which a second minimum counts as a rival. */
    private static final double RIVAL_MARGIN = 4;

    private final LocatorConfig config;

    public EventLocator(LocatorConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    public LocatorConfig config() {
        return config;
    }

    /**
     * Locates the event the cues report.
     *
     * @param cues the cues of one event (see {@link CueGrouper}); not empty
     */
    public LocationResult locate(List<Cue> cues) {
        Objects.requireNonNull(cues, "cues");
        if (cues.isEmpty()) {
            throw new IllegalArgumentException("no cues to locate");
        }
        CueModel model = new CueModel(cues, config.speedOfSoundMps());
        List<String> evidence = model.cues.stream().map(Cue::id).toList();
        if (model.measurements < model.unknowns) {
            return new LocationResult.Rejected(Reason.TOO_FEW_CUES, model.measurements + " measurement(s) for "
                    + model.unknowns + " unknowns: need at least three arrivals, two bearings, a bearing with a"
                    + " distance band, or a fix", evidence);
        }
        LocationResult.Rejected geometry = checkGeometry(model, evidence);
        if (geometry != null) {
            return geometry;
        }
        double span = Math.max(1000, Starts.span(model.cues));
        double[] centroid = Starts.centroid(model.cues);
        List<Solution> solutions = new ArrayList<>();
        for (double[] s : Starts.of(model.cues, span)) {
            Solution sol = solve(model, model.start(s[0], s[1]));
            if (Double.isFinite(sol.cost) && Math.hypot(sol.p[0] - centroid[0], sol.p[1] - centroid[1]) < 50 * span) {
                solutions.add(sol);
            }
        }
        Solution best = null;
        for (Solution s : solutions) {
            if (best == null || s.cost < best.cost) {
                best = s;
            }
        }
        if (best == null) {
            return new LocationResult.Rejected(Reason.ILL_CONDITIONED,
                    "no start converged to a finite position near the sensors", evidence);
        }
        Covariance2 cov;
        try {
            cov = positionCovariance(model.information(best.p));
        } catch (ArithmeticException e) {
            return new LocationResult.Rejected(Reason.ILL_CONDITIONED,
                    "the geometry carries no information in some direction at the best fit ("
                            + fmt(best.p[0]) + ", " + fmt(best.p[1]) + ")", evidence);
        }
        ErrorEllipse ellipse = cov.ellipse(0.95);
        if (ellipse.semiMajorM() > config.maxErrorM()) {
            return new LocationResult.Rejected(Reason.ILL_CONDITIONED, "95 % error ellipse semi-major axis "
                    + fmt(ellipse.semiMajorM()) + " m exceeds the limit of " + fmt(config.maxErrorM()) + " m", evidence);
        }
        double rivalDistance = Math.max(3 * ellipse.semiMajorM(), 1e-3 * span);
        for (Solution s : solutions) {
            if (s.converged && s.cost < best.cost + RIVAL_MARGIN
                    && Math.hypot(s.p[0] - best.p[0], s.p[1] - best.p[1]) > rivalDistance) {
                return new LocationResult.Rejected(Reason.AMBIGUOUS, "two places fit: (" + fmt(best.p[0]) + ", "
                        + fmt(best.p[1]) + ") and (" + fmt(s.p[0]) + ", " + fmt(s.p[1]) + "), "
                        + fmt(Math.hypot(s.p[0] - best.p[0], s.p[1] - best.p[1])) + " m apart", evidence);
            }
        }
        int dof = model.measurements - model.unknowns;
        if (dof > 0 && best.cost > chiSquareQuantile999(dof)) {
            return new LocationResult.Rejected(Reason.INCONSISTENT_CUES, "residual chi-square " + fmt(best.cost)
                    + " with " + dof + " degree(s) of freedom exceeds the 0.999 quantile "
                    + fmt(chiSquareQuantile999(dof)) + ": the cues are not of one event or a sensor is off", evidence);
        }
        var time = model.hasArrivals()
                ? model.reference.plusNanos(Math.round(best.p[2] / model.c * 1e9))
                : model.cues.getFirst().time();
        return new LocationResult.Located(new LocatedEvent(time, best.p[0], best.p[1], cov, ellipse, best.cost, dof,
                best.iterations, evidence));
    }

    /**
     * The Cramér–Rao lower bound on the position error of an unbiased estimate from these cues if the event were
     * at (x, y): the position block of (J^T R^-1 J)^-1. Compare an estimator's RMS error with
     * {@code sqrt(trace)} of it.
     *
     * @throws IllegalArgumentException if the geometry gives no information in some direction at (x, y)
     */
    public Covariance2 crlb(List<Cue> cues, double x, double y) {
        CueModel model = new CueModel(cues, config.speedOfSoundMps());
        try {
            return positionCovariance(model.information(model.start(x, y)));
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("singular Fisher information at (" + x + ", " + y + "): " + e.getMessage(),
                    e);
        }
    }

    private LocationResult.Rejected checkGeometry(CueModel model, List<String> evidence) {
        boolean arrivalsOnly = model.cues.stream().allMatch(c -> c instanceof Cue.Arrival);
        if (arrivalsOnly) {
            double ratio = Starts.thinness(model.cues);
            if (ratio < config.minCollinearity()) {
                return new LocationResult.Rejected(Reason.COLLINEAR_SENSORS, "the acoustic sensors lie on a line"
                        + " (spread across it is " + fmt(100 * ratio) + " % of the spread along it, minimum "
                        + fmt(100 * config.minCollinearity()) + " %): the mirror image fits equally well", evidence);
            }
        }
        boolean bareBearingsOnly = model.cues.stream()
                .allMatch(c -> c instanceof Cue.Bearing b && b.range().isEmpty());
        if (bareBearingsOnly) {
            double maxSin = 0;
            List<Cue.Bearing> bearings = model.cues.stream().map(c -> (Cue.Bearing) c).toList();
            for (int i = 0; i < bearings.size(); i++) {
                for (int j = i + 1; j < bearings.size(); j++) {
                    double d = Math.toRadians(bearings.get(i).bearingDeg() - bearings.get(j).bearingDeg());
                    maxSin = Math.max(maxSin, Math.abs(Math.sin(d)));
                }
            }
            double crossing = Math.toDegrees(Math.asin(Math.min(1, maxSin)));
            if (crossing < config.minCrossingAngleDeg()) {
                return new LocationResult.Rejected(Reason.PARALLEL_BEARINGS, "the bearings cross at most at "
                        + fmt(crossing) + " degrees, below the minimum of " + fmt(config.minCrossingAngleDeg()),
                        evidence);
            }
        }
        return null;
    }

    private record Solution(double[] p, double cost, int iterations, boolean converged) {
    }

    private Solution solve(CueModel model, double[] start) {
        int n = model.unknowns;
        double[] p = start.clone();
        double[][] jac = new double[model.measurements][n];
        double[] r = model.residuals(p, jac);
        double cost = CueModel.cost(r);
        double lambda = 1e-3;
        for (int it = 1; it <= config.maxIterations(); it++) {
            double[][] a = SmallMatrix.multiply(SmallMatrix.transpose(jac), jac);
            double[] g = new double[n];
            for (int k = 0; k < r.length; k++) {
                for (int j = 0; j < n; j++) {
                    g[j] += jac[k][j] * r[k];
                }
            }
            while (true) {
                double[] step;
                try {
                    step = dampedStep(a, g, lambda);
                } catch (ArithmeticException e) {
                    return new Solution(p, cost, it, false);
                }
                double[] q = new double[n];
                double stepNorm = 0;
                double size = 0;
                for (int j = 0; j < n; j++) {
                    q[j] = p[j] + step[j];
                    stepNorm += step[j] * step[j];
                    size += p[j] * p[j];
                }
                double[][] qJac = new double[model.measurements][n];
                double[] qr = model.residuals(q, qJac);
                double qCost = CueModel.cost(qr);
                if (qCost < cost) {
                    p = q;
                    jac = qJac;
                    r = qr;
                    boolean tiny = Math.sqrt(stepNorm) <= 1e-12 * (1 + Math.sqrt(size));
                    boolean flat = cost - qCost <= 1e-15 * (1 + cost);
                    cost = qCost;
                    lambda = Math.max(lambda / 10, 1e-12);
                    if (tiny || flat) {
                        return new Solution(p, cost, it, true);
                    }
                    break;
                }
                lambda *= 10;
                if (lambda > 1e12) {
                    // No step in any direction lowers the cost: a stationary point.
                    return new Solution(p, cost, it, true);
                }
            }
        }
        return new Solution(p, cost, config.maxIterations(), false);
    }

    /** -(A + lambda diag A)^-1 g, solved in Jacobi-scaled form so the units of x, y and u do not matter. */
    private static double[] dampedStep(double[][] a, double[] g, double lambda) {
        int n = g.length;
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            if (!(a[i][i] > 0)) {
                throw new ArithmeticException("no information on unknown " + i);
            }
            d[i] = 1 / Math.sqrt(a[i][i]);
        }
        double[][] s = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                s[i][j] = d[i] * a[i][j] * d[j];
            }
            s[i][i] = 1 + lambda;
        }
        double[][] inv = SmallMatrix.inverse(s);
        double[] step = new double[n];
        for (int i = 0; i < n; i++) {
            double v = 0;
            for (int j = 0; j < n; j++) {
                v += inv[i][j] * d[j] * g[j];
            }
            step[i] = -d[i] * v;
        }
        return step;
    }

    /** The position block of the inverse of the information matrix, via Jacobi scaling. */
    private static Covariance2 positionCovariance(double[][] info) {
        int n = info.length;
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            if (!(info[i][i] > 0)) {
                throw new ArithmeticException("no information on unknown " + i);
            }
            d[i] = 1 / Math.sqrt(info[i][i]);
        }
        double[][] s = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                s[i][j] = d[i] * info[i][j] * d[j];
            }
        }
        double[][] inv = SmallMatrix.inverse(s);
        double xx = d[0] * inv[0][0] * d[0];
        double yy = d[1] * inv[1][1] * d[1];
        double xy = d[0] * 0.5 * (inv[0][1] + inv[1][0]) * d[1];
        if (!(xx > 0 && yy > 0 && xx * yy - xy * xy > 0)) {
            throw new ArithmeticException("information matrix is not positive definite");
        }
        return new Covariance2(xx, xy, yy);
    }

    /** Wilson–Hilferty approximation of the chi-square 0.999 quantile with k degrees of freedom. */
    static double chiSquareQuantile999(int k) {
        double z = 3.090232;
        double h = 2.0 / (9 * k);
        return k * Math.pow(1 - h + z * Math.sqrt(h), 3);
    }

    private static String fmt(double v) {
        return String.format(java.util.Locale.ROOT, "%.1f", v);
    }
}
