package org.truce.fusion.locate;

import java.util.ArrayList;
import java.util.List;

/**
 * Initial guesses and simple geometry of a group of cues for {@link EventLocator}. Package-private, stateless.
 */
final class Starts {
    private static final double[] RADII = {0.5, 1.5, 4};
    private static final int DIRECTIONS = 12;

    private Starts() {
    }

    /** Sensor positions and fix positions: the points the cues are anchored at. */
    static List<double[]> anchors(List<Cue> cues) {
        List<double[]> out = new ArrayList<>();
        for (Cue c : cues) {
            switch (c) {
                case Cue.Arrival a -> out.add(new double[] {a.sensorX(), a.sensorY()});
                case Cue.Bearing b -> out.add(new double[] {b.sensorX(), b.sensorY()});
                case Cue.Fix f -> out.add(new double[] {f.x(), f.y()});
            }
        }
        return out;
    }

    static double[] centroid(List<Cue> cues) {
        List<double[]> pts = anchors(cues);
        double x = 0;
        double y = 0;
        for (double[] p : pts) {
            x += p[0];
            y += p[1];
        }
        return new double[] {x / pts.size(), y / pts.size()};
    }

    /** Largest distance between two anchors, metres. */
    static double span(List<Cue> cues) {
        List<double[]> pts = anchors(cues);
        double span = 0;
        for (int i = 0; i < pts.size(); i++) {
            for (int j = i + 1; j < pts.size(); j++) {
                span = Math.max(span, Math.hypot(pts.get(i)[0] - pts.get(j)[0], pts.get(i)[1] - pts.get(j)[1]));
            }
        }
        return span;
    }

    /**
     * sqrt(lambda_min / lambda_max) of the anchors' scatter matrix: 0 for points on a line, 1 for a round spread.
     */
    static double thinness(List<Cue> cues) {
        List<double[]> pts = anchors(cues);
        double[] c = centroid(cues);
        double sxx = 0;
        double sxy = 0;
        double syy = 0;
        for (double[] p : pts) {
            double dx = p[0] - c[0];
            double dy = p[1] - c[1];
            sxx += dx * dx;
            sxy += dx * dy;
            syy += dy * dy;
        }
        double mean = 0.5 * (sxx + syy);
        double radius = Math.hypot(0.5 * (sxx - syy), sxy);
        double max = mean + radius;
        double min = Math.max(0, mean - radius);
        return max == 0 ? 0 : Math.sqrt(min / max);
    }

    /** Every start position (x, y), deterministic order. */
    static List<double[]> of(List<Cue> cues, double span) {
        List<double[]> out = new ArrayList<>();
        List<Cue.Bearing> bearings = new ArrayList<>();
        for (Cue c : cues) {
            switch (c) {
                case Cue.Fix f -> out.add(new double[] {f.x(), f.y()});
                case Cue.Bearing b -> {
                    bearings.add(b);
                    b.range().ifPresent(band -> out.add(along(b, band.midM())));
                }
                case Cue.Arrival a -> {
                }
            }
        }
        for (int i = 0; i < bearings.size(); i++) {
            for (int j = i + 1; j < bearings.size(); j++) {
                double[] x = intersection(bearings.get(i), bearings.get(j));
                if (x != null) {
                    out.add(x);
                }
            }
            // A lone bearing: guesses along the ray.
            for (double r : RADII) {
                out.add(along(bearings.get(i), r * span));
            }
        }
        double[] centre = centroid(cues);
        out.add(centre);
        for (double r : RADII) {
            for (int k = 0; k < DIRECTIONS; k++) {
                double a = 2 * Math.PI * k / DIRECTIONS;
                out.add(new double[] {centre[0] + r * span * Math.sin(a), centre[1] + r * span * Math.cos(a)});
            }
        }
        return out;
    }

    private static double[] along(Cue.Bearing b, double distance) {
        double t = Math.toRadians(b.bearingDeg());
        return new double[] {b.sensorX() + distance * Math.sin(t), b.sensorY() + distance * Math.cos(t)};
    }

    /** Where two bearing rays cross in front of both sensors, or null. */
    private static double[] intersection(Cue.Bearing a, Cue.Bearing b) {
        double ta = Math.toRadians(a.bearingDeg());
        double tb = Math.toRadians(b.bearingDeg());
        double ux = Math.sin(ta);
        double uy = Math.cos(ta);
        double vx = Math.sin(tb);
        double vy = Math.cos(tb);
        double den = ux * vy - uy * vx;
        if (Math.abs(den) < 1e-9) {
            return null;
        }
        double wx = b.sensorX() - a.sensorX();
        double wy = b.sensorY() - a.sensorY();
        double s = (wx * vy - wy * vx) / den;
        double t = (wx * uy - wy * ux) / den;
        if (s <= 0 || t <= 0) {
            return null;
        }
        return new double[] {a.sensorX() + s * ux, a.sensorY() + s * uy};
    }
}
