package org.truce.ground.uncertainty;

import java.util.Objects;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.util.GeometricShapeFactory;

/**
 * Where an uncertain position probably is, for the rules: inside a zone or not, on which side of a line.
 *
 * <p>All geometry is in the same local metric frame as the position (metres, x east / y north). Results are
 * deterministic: the polygon integral uses a fixed low-discrepancy point set (Halton bases 2 and 3 pushed through
 * Box–Muller), never a random generator, so the same inputs always give the same probability. Its error is about
 * 1e-3; a place whose 6-sigma ellipse lies wholly inside or outside the polygon gets exactly 1 or 0.
 * Stateless and thread-safe.
 */
public final class PlaceProbability {
    /** Number of quadrature points in the polygon integral. */
    public static final int POINTS = 4096;

    /** Chi-square(2) quantile leaving 1e-9 outside: beyond it a normal has no mass worth counting. */
    private static final double FAR_K = -2 * Math.log(1e-9);

    private static final double[][] UNIT_NORMALS = unitNormals();

    private PlaceProbability() {
    }

    /**
     * Probability that the true position lies inside {@code area}.
     *
     * @param area a Polygon or MultiPolygon in local metres
     * @return a probability in [0, 1]
     */
    public static double inside(Geometry area, PositionEstimate where) {
        Objects.requireNonNull(area, "area");
        Objects.requireNonNull(where, "where");
        if (!(area instanceof Polygonal)) {
            throw new IllegalArgumentException("area must be a Polygon or MultiPolygon, got " + area.getGeometryType());
        }
        if (area.isEmpty()) {
            return 0;
        }
        Covariance2 c = where.covariance();
        GeometryFactory gf = area.getFactory();
        if (c.trace() == 0) {
            return area.intersects(gf.createPoint(new Coordinate(where.x(), where.y()))) ? 1 : 0;
        }
        ErrorEllipse far = c.ellipse(1 - Math.exp(-FAR_K / 2));
        Geometry farShape = ellipsePolygon(gf, where.x(), where.y(), far);
        if (!area.intersects(farShape)) {
            return 0;
        }
        if (area.covers(farShape)) {
            return 1;
        }
        double[][] l = cholesky(c);
        IndexedPointInAreaLocator locator = new IndexedPointInAreaLocator(area);
        Coordinate probe = new Coordinate();
        int in = 0;
        for (double[] u : UNIT_NORMALS) {
            probe.x = where.x() + l[0][0] * u[0];
            probe.y = where.y() + l[1][0] * u[0] + l[1][1] * u[1];
            if (locator.locate(probe) != Location.EXTERIOR) {
                in++;
            }
        }
        return (double) in / UNIT_NORMALS.length;
    }

    /**
     * Probability that the true position lies to the left of the directed line {@code line} (walking from its first
     * to its last point). Uses the segment nearest to the estimate: exact for a straight line, and a good
     * approximation when the line is straight over a few sigmas around the nearest point.
     *
     * @return a probability in [0, 1]; 0.5 when the estimate lies on the line with a non-zero uncertainty
     */
    public static double leftOf(LineString line, PositionEstimate where) {
        Objects.requireNonNull(line, "line");
        Objects.requireNonNull(where, "where");
        if (line.getNumPoints() < 2 || line.getLength() == 0) {
            throw new IllegalArgumentException("line needs at least two distinct points");
        }
        Coordinate p = new Coordinate(where.x(), where.y());
        Coordinate[] cs = line.getCoordinates();
        double best = Double.POSITIVE_INFINITY;
        int bestIndex = -1;
        for (int i = 0; i + 1 < cs.length; i++) {
            if (cs[i].equals2D(cs[i + 1])) {
                continue;
            }
            double d = org.locationtech.jts.algorithm.Distance.pointToSegment(p, cs[i], cs[i + 1]);
            if (d < best) {
                best = d;
                bestIndex = i;
            }
        }
        Coordinate a = cs[bestIndex];
        Coordinate b = cs[bestIndex + 1];
        double len = a.distance(b);
        // Unit normal pointing to the left of a -> b.
        double nx = -(b.y - a.y) / len;
        double ny = (b.x - a.x) / len;
        double signed = (p.x - a.x) * nx + (p.y - a.y) * ny;
        double sigma = Math.sqrt(where.covariance().varianceAlong(nx, ny));
        if (sigma == 0) {
            return signed > 0 ? 1 : signed < 0 ? 0 : 0.5;
        }
        return Gaussian.cdf(signed / sigma);
    }

    /** A polygon approximating {@code ellipse} centred at (x, y), 64 vertices. */
    public static Geometry ellipsePolygon(GeometryFactory gf, double x, double y, ErrorEllipse ellipse) {
        GeometricShapeFactory shapes = new GeometricShapeFactory(gf);
        shapes.setNumPoints(64);
        shapes.setCentre(new Coordinate(x, y));
        // JTS measures the rotation counter-clockwise from the x axis; the ellipse's azimuth is clockwise from north.
        shapes.setWidth(2 * Math.max(ellipse.semiMajorM(), 1e-6));
        shapes.setHeight(2 * Math.max(ellipse.semiMinorM(), 1e-6));
        shapes.setRotation(Math.toRadians(90 - ellipse.orientationDeg()));
        return shapes.createEllipse();
    }

    /** Lower-triangular L with L L^T = c; a degenerate direction gets a zero column. */
    private static double[][] cholesky(Covariance2 c) {
        double l00 = Math.sqrt(c.xx());
        double l10 = l00 > 0 ? c.xy() / l00 : 0;
        double l11 = Math.sqrt(Math.max(0, c.yy() - l10 * l10));
        return new double[][] {{l00, 0}, {l10, l11}};
    }

    private static double[][] unitNormals() {
        double[][] out = new double[POINTS][];
        for (int i = 0; i < POINTS; i++) {
            double u1 = halton(i + 1, 2);
            double u2 = halton(i + 1, 3);
            double r = Math.sqrt(-2 * Math.log(u1));
            double t = 2 * Math.PI * u2;
            out[i] = new double[] {r * Math.cos(t), r * Math.sin(t)};
        }
        return out;
    }

    private static double halton(int index, int base) {
        double f = 1;
        double r = 0;
        int i = index;
        while (i > 0) {
            f /= base;
            r += f * (i % base);
            i /= base;
        }
        return r;
    }
}
