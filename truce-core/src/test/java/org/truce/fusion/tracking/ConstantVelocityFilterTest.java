package org.truce.fusion.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.truce.fusion.internal.SmallMatrix;
import org.truce.ground.uncertainty.Covariance2;

class ConstantVelocityFilterTest {
    private static final double Q = 0.2;
    private static final double SIGMA = 10;
    private static final double SPEED_SIGMA = 15;
    private static final double DT = 2;
    private static final int STEPS = 30;
    private static final int RUNS = 200;

    @Test
    void onAStraightTargetTheErrorShrinksAndTheCovarianceIsConsistent() {
        ConstantVelocityFilter filter = new ConstantVelocityFilter(Q);
        Covariance2 r = Covariance2.circular(SIGMA);
        SplittableRandom random = new SplittableRandom(2020);
        double[] neesSum = new double[STEPS];
        double[] err2Sum = new double[STEPS];
        for (int run = 0; run < RUNS; run++) {
            double[] truth = {0, 0, gauss(random) * SPEED_SIGMA, gauss(random) * SPEED_SIGMA};
            ConstantVelocityFilter.State s = filter.initial(truth[0] + gauss(random) * SIGMA,
                    truth[1] + gauss(random) * SIGMA, r, SPEED_SIGMA);
            for (int k = 0; k < STEPS; k++) {
                if (k > 0) {
                    truth = propagate(truth, random);
                    s = filter.predict(s, DT);
                    s = filter.update(s, truth[0] + gauss(random) * SIGMA, truth[1] + gauss(random) * SIGMA, r);
                }
                neesSum[k] += nees(s, truth);
                double[] m = s.mean();
                err2Sum[k] += sq(m[0] - truth[0]) + sq(m[1] - truth[1]);
            }
        }
        double total = 0;
        for (int k = 0; k < STEPS; k++) {
            double mean = neesSum[k] / RUNS;
            total += mean;
            // Mean of 200 chi-square(4) values: 4 +- 0.2 (1 sigma); 3.3 sigma bounds per step.
            assertThat(mean).as("average NEES at step %d", k).isBetween(3.34, 4.66);
        }
        assertThat(total / STEPS).isBetween(3.8, 4.2);
        double firstRms = Math.sqrt(err2Sum[0] / RUNS);
        double lastRms = Math.sqrt(err2Sum[STEPS - 1] / RUNS);
        assertThat(firstRms).isBetween(0.8 * SIGMA * Math.sqrt(2), 1.2 * SIGMA * Math.sqrt(2));
        assertThat(lastRms).isLessThan(0.7 * firstRms);
    }

    @Test
    void predictionGrowsTheCovarianceByTheDiscretisedWhiteAcceleration() {
        ConstantVelocityFilter filter = new ConstantVelocityFilter(2);
        ConstantVelocityFilter.State s = new ConstantVelocityFilter.State(new double[] {0, 0, 1, -1}, new double[4][4]);
        ConstantVelocityFilter.State p = filter.predict(s, 3);
        assertThat(p.mean()).containsExactly(3, -3, 1, -1);
        assertThat(p.covariance()[0][0]).isEqualTo(2 * 27 / 3.0);
        assertThat(p.covariance()[0][2]).isEqualTo(2 * 9 / 2.0);
        assertThat(p.covariance()[2][2]).isEqualTo(2 * 3.0);
        assertThat(p.covariance()[0][1]).isZero();
    }

    private static double[] propagate(double[] x, SplittableRandom random) {
        // Exact sample of the discretised white-acceleration noise: Cholesky of q [[dt^3/3, dt^2/2], [dt^2/2, dt]].
        double a = Q * DT * DT * DT / 3;
        double b = Q * DT * DT / 2;
        double c = Q * DT;
        double l00 = Math.sqrt(a);
        double l10 = b / l00;
        double l11 = Math.sqrt(c - l10 * l10);
        double[] out = new double[4];
        for (int axis = 0; axis < 2; axis++) {
            double z1 = gauss(random);
            double z2 = gauss(random);
            out[axis] = x[axis] + DT * x[axis + 2] + l00 * z1;
            out[axis + 2] = x[axis + 2] + l10 * z1 + l11 * z2;
        }
        return out;
    }

    private static double nees(ConstantVelocityFilter.State s, double[] truth) {
        double[] m = s.mean();
        double[][] e = new double[4][1];
        for (int i = 0; i < 4; i++) {
            e[i][0] = m[i] - truth[i];
        }
        // P^-1 e by solving with the 4x4 inverse through two 2x2 blocks (Schur complement).
        double[][] p = s.covariance();
        double[][] a = {{p[0][0], p[0][1]}, {p[1][0], p[1][1]}};
        double[][] b = {{p[0][2], p[0][3]}, {p[1][2], p[1][3]}};
        double[][] c = {{p[2][0], p[2][1]}, {p[3][0], p[3][1]}};
        double[][] d = {{p[2][2], p[2][3]}, {p[3][2], p[3][3]}};
        double[][] ai = SmallMatrix.inverse(a);
        double[][] schur = SmallMatrix.subtract(d, SmallMatrix.multiply(SmallMatrix.multiply(c, ai), b));
        double[][] si = SmallMatrix.inverse(schur);
        double[][] e1 = {{e[0][0]}, {e[1][0]}};
        double[][] e2 = {{e[2][0]}, {e[3][0]}};
        // Quadratic form e^T P^-1 e = e1^T A^-1 e1 + (e2 - C A^-1 e1)^T S^-1 (e2 - C A^-1 e1).
        double[][] aie1 = SmallMatrix.multiply(ai, e1);
        double q1 = e1[0][0] * aie1[0][0] + e1[1][0] * aie1[1][0];
        double[][] w = SmallMatrix.subtract(e2, SmallMatrix.multiply(c, aie1));
        double[][] siw = SmallMatrix.multiply(si, w);
        return q1 + w[0][0] * siw[0][0] + w[1][0] * siw[1][0];
    }

    private static double gauss(SplittableRandom random) {
        // Box-Muller spelled out so the sequence does not depend on the JDK's nextGaussian algorithm.
        double u1 = 1 - random.nextDouble();
        double u2 = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }

    private static double sq(double v) {
        return v * v;
    }
}
