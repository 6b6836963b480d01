package org.truce.fusion.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class AssignmentTest {
    private static final double X = Assignment.FORBIDDEN;

    @Test
    void solvesTheTextbookSquareCase() {
        double[][] cost = {{4, 1, 3}, {2, 0, 5}, {3, 2, 2}};
        assertThat(Assignment.solve(cost)).containsExactly(1, 0, 2);
    }

    @Test
    void leavesExtraRowsOrColumnsUnassigned() {
        assertThat(Assignment.solve(new double[][] {{5, 1, 9}})).containsExactly(1);
        assertThat(Assignment.solve(new double[][] {{5}, {1}, {9}})).containsExactly(-1, 0, -1);
    }

    @Test
    void neverReturnsAForbiddenPairAndPrefersMorePairs() {
        // Row 0 alone would take column 0 (cost 1), but then row 1 has nothing: two pairs beat one cheap pair.
        double[][] cost = {{1, 8}, {2, X}};
        assertThat(Assignment.solve(cost)).containsExactly(1, 0);
        assertThat(Assignment.solve(new double[][] {{X, X}, {X, 3}})).containsExactly(-1, 1);
    }

    @Test
    void handlesEmptyInputs() {
        assertThat(Assignment.solve(new double[0][])).isEmpty();
        assertThat(Assignment.solve(new double[][] {{}, {}})).containsExactly(-1, -1);
    }

    @Test
    void matchesBruteForceOnSeededRandomMatrices() {
        SplittableRandom random = new SplittableRandom(7);
        for (int trial = 0; trial < 300; trial++) {
            int rows = 1 + random.nextInt(5);
            int cols = 1 + random.nextInt(5);
            double[][] cost = new double[rows][cols];
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < cols; j++) {
                    cost[i][j] = random.nextDouble() < 0.25 ? X : random.nextDouble(-3, 10);
                }
            }
            int[] got = Assignment.solve(cost);
            double[] best = bruteForce(cost, 0, new boolean[cols]);
            assertThat(pairs(got)).as("pairs in trial %d", trial).isEqualTo((int) best[0]);
            assertThat(total(cost, got)).as("cost in trial %d", trial).isCloseTo(best[1],
                    org.assertj.core.api.Assertions.within(1e-9));
        }
    }

    private static int pairs(int[] a) {
        int n = 0;
        for (int c : a) {
            n += c >= 0 ? 1 : 0;
        }
        return n;
    }

    private static double total(double[][] cost, int[] a) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            if (a[i] >= 0) {
                assertThat(cost[i][a[i]]).isNotEqualTo(X);
                s += cost[i][a[i]];
            }
        }
        return s;
    }

    /** {max pairs, min cost among those} over all partial assignments of rows from {@code row} on. */
    private static double[] bruteForce(double[][] cost, int row, boolean[] usedCols) {
        if (row == cost.length) {
            return new double[] {0, 0};
        }
        double[] best = bruteForce(cost, row + 1, usedCols);
        for (int j = 0; j < usedCols.length; j++) {
            if (!usedCols[j] && cost[row][j] != X) {
                usedCols[j] = true;
                double[] rest = bruteForce(cost, row + 1, usedCols);
                usedCols[j] = false;
                double[] cand = {rest[0] + 1, rest[1] + cost[row][j]};
                if (cand[0] > best[0] || (cand[0] == best[0] && cand[1] < best[1])) {
                    best = cand;
                }
            }
        }
        return best;
    }
}
