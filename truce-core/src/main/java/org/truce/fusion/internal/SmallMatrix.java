package org.truce.fusion.internal;

/**
 * The few dense operations fusion needs on tiny matrices (2x2 to 4x4), as plain {@code double[][]} arrays.
 *
 * <p>Internal to {@code org.truce.fusion}: not an API and not a general linear-algebra library. The inverse is
 * only for the symmetric positive-definite normal and innovation matrices of size at most 3, where closed-form
 * cofactors are exact enough and cheap. Every method returns a new array and never modifies its arguments.
 * Stateless and thread-safe.
 */
public final class SmallMatrix {
    private SmallMatrix() {
    }

    public static double[][] identity(int n) {
        double[][] m = new double[n][n];
        for (int i = 0; i < n; i++) {
            m[i][i] = 1;
        }
        return m;
    }

    public static double[][] multiply(double[][] a, double[][] b) {
        int n = a.length;
        int k = b.length;
        int m = b[0].length;
        if (a[0].length != k) {
            throw new IllegalArgumentException("shape mismatch: " + n + "x" + a[0].length + " * " + k + "x" + m);
        }
        double[][] c = new double[n][m];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                double s = 0;
                for (int l = 0; l < k; l++) {
                    s += a[i][l] * b[l][j];
                }
                c[i][j] = s;
            }
        }
        return c;
    }

    public static double[][] transpose(double[][] a) {
        double[][] t = new double[a[0].length][a.length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[0].length; j++) {
                t[j][i] = a[i][j];
            }
        }
        return t;
    }

    public static double[][] add(double[][] a, double[][] b) {
        double[][] c = new double[a.length][a[0].length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[0].length; j++) {
                c[i][j] = a[i][j] + b[i][j];
            }
        }
        return c;
    }

    public static double[][] subtract(double[][] a, double[][] b) {
        double[][] c = new double[a.length][a[0].length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[0].length; j++) {
                c[i][j] = a[i][j] - b[i][j];
            }
        }
        return c;
    }

    /** {@code (a + a^T) / 2}: removes the asymmetry rounding leaves in a covariance. */
    public static double[][] symmetrize(double[][] a) {
        double[][] c = new double[a.length][a.length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a.length; j++) {
                c[i][j] = 0.5 * (a[i][j] + a[j][i]);
            }
        }
        return c;
    }

    public static double[][] copy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
        }
        return c;
    }

    /** Determinant of a 1x1, 2x2 or 3x3 matrix. */
    public static double determinant(double[][] a) {
        return switch (a.length) {
            case 1 -> a[0][0];
            case 2 -> a[0][0] * a[1][1] - a[0][1] * a[1][0];
            case 3 -> a[0][0] * (a[1][1] * a[2][2] - a[1][2] * a[2][1])
                    - a[0][1] * (a[1][0] * a[2][2] - a[1][2] * a[2][0])
                    + a[0][2] * (a[1][0] * a[2][1] - a[1][1] * a[2][0]);
            default -> throw new IllegalArgumentException("determinant only for sizes 1 to 3, got " + a.length);
        };
    }

    /**
     * Inverse of a 1x1, 2x2 or 3x3 matrix by cofactors.
     *
     * @throws ArithmeticException if the matrix is singular to working precision (relative to its scale)
     */
    public static double[][] inverse(double[][] a) {
        int n = a.length;
        double det = determinant(a);
        double scale = 0;
        for (double[] row : a) {
            for (double v : row) {
                scale = Math.max(scale, Math.abs(v));
            }
        }
        if (!(Math.abs(det) > 1e-14 * Math.pow(scale, n)) || !Double.isFinite(det)) {
            throw new ArithmeticException("singular " + n + "x" + n + " matrix (determinant " + det + ")");
        }
        return switch (n) {
            case 1 -> new double[][] {{1 / a[0][0]}};
            case 2 -> new double[][] {
                {a[1][1] / det, -a[0][1] / det},
                {-a[1][0] / det, a[0][0] / det}};
            default -> {
                double[][] inv = new double[3][3];
                for (int i = 0; i < 3; i++) {
                    for (int j = 0; j < 3; j++) {
                        int r0 = (j + 1) % 3;
                        int r1 = (j + 2) % 3;
                        int c0 = (i + 1) % 3;
                        int c1 = (i + 2) % 3;
                        inv[i][j] = (a[r0][c0] * a[r1][c1] - a[r0][c1] * a[r1][c0]) / det;
                    }
                }
                yield inv;
            }
        };
    }
}
