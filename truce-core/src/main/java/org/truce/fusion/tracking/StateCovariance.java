package org.truce.fusion.tracking;

import org.truce.fusion.uncertainty.Covariance2;

/**
 * The 4x4 covariance of a constant-velocity state (x, y, vx, vy): metres and metres per second, so the blocks are
 * m^2, m^2/s and m^2/s^2. Stored as its ten distinct entries; symmetric by construction. Immutable.
 */
public record StateCovariance(double xx, double xy, double xvx, double xvy, double yy, double yvx, double yvy,
                              double vxvx, double vxvy, double vyvy) {
    public StateCovariance {
        if (!(xx >= 0 && yy >= 0 && vxvx >= 0 && vyvy >= 0)) {
            throw new IllegalArgumentException("state variances must be >= 0");
        }
    }

    /** From a 4x4 array, symmetrized. */
    public static StateCovariance of(double[][] p) {
        return new StateCovariance(p[0][0], sym(p, 0, 1), sym(p, 0, 2), sym(p, 0, 3), p[1][1], sym(p, 1, 2),
                sym(p, 1, 3), p[2][2], sym(p, 2, 3), p[3][3]);
    }

    public double[][] toArray() {
        return new double[][] {
            {xx, xy, xvx, xvy},
            {xy, yy, yvx, yvy},
            {xvx, yvx, vxvx, vxvy},
            {xvy, yvy, vxvy, vyvy}};
    }

    public Covariance2 position() {
        return new Covariance2(xx, xy, yy);
    }

    public Covariance2 velocity() {
        return new Covariance2(vxvx, vxvy, vyvy);
    }

    private static double sym(double[][] p, int i, int j) {
        return 0.5 * (p[i][j] + p[j][i]);
    }
}
