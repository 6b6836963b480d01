package org.truce.sim.world;

import java.util.List;
import java.util.SplittableRandom;

/**
 * The ground a sensor watches at one moment, in local metres: a rotated rectangle (a drone camera's footprint)
 * or a circular sector (a fixed camera). Immutable.
 */
public sealed interface View {
    boolean contains(double x, double y);

    /** A uniformly random point of the view. */
    double[] randomPoint(SplittableRandom rnd);

    /** The outline, corners in order (not closed). */
    List<double[]> ring();

    /**
     * A rectangle centred on (cx, cy); {@code ux, uy} is the unit vector of its depth axis.
     */
    record Rectangle(double cx, double cy, double ux, double uy, double halfDepth, double halfWidth) implements View {
        public boolean contains(double x, double y) {
            double dx = x - cx, dy = y - cy;
            double along = dx * ux + dy * uy;
            double across = -dx * uy + dy * ux;
            return Math.abs(along) <= halfDepth && Math.abs(across) <= halfWidth;
        }

        public double[] randomPoint(SplittableRandom rnd) {
            double a = (2 * rnd.nextDouble() - 1) * halfDepth, c = (2 * rnd.nextDouble() - 1) * halfWidth;
            return new double[]{cx + a * ux - c * uy, cy + a * uy + c * ux};
        }

        public List<double[]> ring() {
            double[][] k = {{1, 1}, {1, -1}, {-1, -1}, {-1, 1}};
            return java.util.Arrays.stream(k).map(s -> new double[]{
                    cx + s[0] * halfDepth * ux - s[1] * halfWidth * uy,
                    cy + s[0] * halfDepth * uy + s[1] * halfWidth * ux}).toList();
        }
    }

    /** A sector of radius {@code rangeM} around (sx, sy), centred on {@code azimuthDeg}, {@code widthDeg} wide. */
    record Sector(double sx, double sy, double azimuthDeg, double widthDeg, double rangeM) implements View {
        public boolean contains(double x, double y) {
            double dx = x - sx, dy = y - sy;
            if (dx * dx + dy * dy > rangeM * rangeM) return false;
            double b = Math.toDegrees(Math.atan2(dx, dy));
            double diff = ((b - azimuthDeg) % 360 + 540) % 360 - 180;
            return Math.abs(diff) <= widthDeg / 2;
        }

        public double[] randomPoint(SplittableRandom rnd) {
            double r = rangeM * Math.sqrt(rnd.nextDouble());
            double b = Math.toRadians(azimuthDeg + (rnd.nextDouble() - 0.5) * widthDeg);
            return new double[]{sx + r * Math.sin(b), sy + r * Math.cos(b)};
        }

        public List<double[]> ring() {
            java.util.ArrayList<double[]> l = new java.util.ArrayList<>();
            l.add(new double[]{sx, sy});
            for (int i = 0; i <= 8; i++) {
                double b = Math.toRadians(azimuthDeg - widthDeg / 2 + widthDeg * i / 8);
                l.add(new double[]{sx + rangeM * Math.sin(b), sy + rangeM * Math.cos(b)});
            }
            return l;
        }
    }
}
