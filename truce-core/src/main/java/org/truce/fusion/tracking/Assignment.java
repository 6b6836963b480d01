package org.truce.fusion.tracking;

import java.util.Arrays;

/**
 * Optimal assignment (the Hungarian method in its O(n^2 m) shortest-augmenting-path form with potentials, as in
 * Kuhn–Munkres / Jonker–Volgenant) on a rectangular cost matrix with forbidden pairs.
 *
 * <p>Minimises the total cost of the pairs it makes among the allowed ones, after first making as many pairs as
 * possible (a forbidden pair is never returned). Deterministic: ties break towards lower indices. Stateless and
 * thread-safe.
 */
public final class Assignment {
    /** Marks a pair that must not be assigned (outside the gate). */
    public static final double FORBIDDEN = Double.POSITIVE_INFINITY;

    private Assignment() {
    }

    /**
     * Solves the assignment problem.
     *
     * @param cost {@code cost[row][col]}, finite or {@link #FORBIDDEN}; every row has the same length; may be empty
     * @return for each row the assigned column, or -1 when the row stays unassigned
     */
    public static int[] solve(double[][] cost) {
        int rows = cost.length;
        if (rows == 0) {
            return new int[0];
        }
        int cols = cost[0].length;
        for (double[] row : cost) {
            if (row.length != cols) {
                throw new IllegalArgumentException("ragged cost matrix");
            }
            for (double v : row) {
                if (Double.isNaN(v) || v == Double.NEGATIVE_INFINITY) {
                    throw new IllegalArgumentException("cost must be finite or FORBIDDEN, got " + v);
                }
            }
        }
        int[] result = new int[rows];
        Arrays.fill(result, -1);
        if (cols == 0) {
            return result;
        }
        // A forbidden pair costs more than any set of allowed pairs, so the optimum first maximises the number
        // of allowed pairs and then minimises their cost; pairs at this price are dropped afterwards.
        double span = 0;
        for (double[] row : cost) {
            for (double v : row) {
                if (v != FORBIDDEN) {
                    span = Math.max(span, Math.abs(v));
                }
            }
        }
        double big = (span + 1) * (Math.min(rows, cols) + 1) * 4;
        boolean transposed = rows > cols;
        int n = transposed ? cols : rows;
        int m = transposed ? rows : cols;
        double[][] a = new double[n][m];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                double v = transposed ? cost[j][i] : cost[i][j];
                a[i][j] = v == FORBIDDEN ? big : v;
            }
        }
        int[] rowOfCol = hungarian(a, n, m);
        for (int j = 0; j < m; j++) {
            int i = rowOfCol[j];
            if (i < 0) {
                continue;
            }
            int r = transposed ? j : i;
            int c = transposed ? i : j;
            if (cost[r][c] != FORBIDDEN) {
                result[r] = c;
            }
        }
        return result;
    }

    /** n <= m. Returns, for each column, its row or -1. */
    private static int[] hungarian(double[][] a, int n, int m) {
        double[] u = new double[n + 1];
        double[] v = new double[m + 1];
        int[] p = new int[m + 1]; // p[j]: row (1-based) matched to column j; p[0] is the row being inserted
        int[] way = new int[m + 1];
        for (int i = 1; i <= n; i++) {
            p[0] = i;
            int j0 = 0;
            double[] minv = new double[m + 1];
            Arrays.fill(minv, Double.POSITIVE_INFINITY);
            boolean[] used = new boolean[m + 1];
            do {
                used[j0] = true;
                int i0 = p[j0];
                double delta = Double.POSITIVE_INFINITY;
                int j1 = -1;
                for (int j = 1; j <= m; j++) {
                    if (!used[j]) {
                        double cur = a[i0 - 1][j - 1] - u[i0] - v[j];
                        if (cur < minv[j]) {
                            minv[j] = cur;
                            way[j] = j0;
                        }
                        if (minv[j] < delta) {
                            delta = minv[j];
                            j1 = j;
                        }
                    }
                }
                for (int j = 0; j <= m; j++) {
                    if (used[j]) {
                        u[p[j]] += delta;
                        v[j] -= delta;
                    } else {
                        minv[j] -= delta;
                    }
                }
                j0 = j1;
            } while (p[j0] != 0);
            do {
                int j1 = way[j0];
                p[j0] = p[j1];
                j0 = j1;
            } while (j0 != 0);
        }
        int[] rowOfCol = new int[m];
        for (int j = 1; j <= m; j++) {
            rowOfCol[j - 1] = p[j] - 1;
        }
        return rowOfCol;
    }
}
