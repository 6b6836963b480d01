package org.truce.fusion.locate;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.truce.ground.uncertainty.Covariance2;
import org.truce.ground.uncertainty.PositionEstimate;

/**
 * A bearing-and-distance-band report ("3–6 km south-east") as geometry: a point with a covariance for the
 * arithmetic, and an annular sector for the map. Local metric frame (x east, y north, metres).
 * Stateless and thread-safe.
 */
public final class BearingBand {
    /** Narrowest half-width drawn, degrees, so that a sharp bearing still shows as an area. */
    private static final double MIN_HALF_WIDTH_DEG = 0.5;

    private BearingBand() {
    }

    /**
     * The report as a Gaussian: centred at the middle of the band on the bearing, with sigma along the bearing
     * {@code (max - min) / sqrt(12)} (uniform over the band) and across it {@code mid * sigma_bearing}.
     *
     * @param bearingDeg bearing from the sensor in the local frame (grid north), degrees clockwise
     * @param sigmaDeg   1-sigma bearing error, degrees
     */
    public static PositionEstimate position(double sensorX, double sensorY, double bearingDeg, double sigmaDeg,
                                            Cue.RangeBand band) {
        double t = Math.toRadians(bearingDeg);
        double mid = band.midM();
        Covariance2 cov = Covariance2.oriented(band.sigmaM(), mid * Math.toRadians(sigmaDeg), bearingDeg);
        return new PositionEstimate(sensorX + mid * Math.sin(t), sensorY + mid * Math.cos(t), cov);
    }

    /**
     * The annular sector between the band's distances and the bearing plus or minus {@code sigmas} bearing sigmas
     * (at least {@value #MIN_HALF_WIDTH_DEG} degrees), arcs drawn with at most one degree between vertices. With a
     * band starting at 0 the sector is a wedge from the sensor.
     */
    public static Polygon sector(GeometryFactory gf, double sensorX, double sensorY, double bearingDeg,
                                 double sigmaDeg, double sigmas, Cue.RangeBand band) {
        if (!(sigmas > 0)) {
            throw new IllegalArgumentException("sigmas must be > 0, got " + sigmas);
        }
        double half = Math.min(179, Math.max(MIN_HALF_WIDTH_DEG, sigmas * sigmaDeg));
        int steps = Math.max(2, (int) Math.ceil(2 * half));
        List<Coordinate> ring = new ArrayList<>();
        for (int i = 0; i <= steps; i++) {
            ring.add(point(sensorX, sensorY, bearingDeg - half + 2 * half * i / steps, band.maxM()));
        }
        if (band.minM() > 0) {
            for (int i = steps; i >= 0; i--) {
                ring.add(point(sensorX, sensorY, bearingDeg - half + 2 * half * i / steps, band.minM()));
            }
        } else {
            ring.add(new Coordinate(sensorX, sensorY));
        }
        ring.add(new Coordinate(ring.getFirst()));
        return gf.createPolygon(ring.toArray(Coordinate[]::new));
    }

    private static Coordinate point(double x, double y, double bearingDeg, double distance) {
        double t = Math.toRadians(bearingDeg);
        return new Coordinate(x + distance * Math.sin(t), y + distance * Math.cos(t));
    }
}
