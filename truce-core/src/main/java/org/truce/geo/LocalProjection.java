package org.truce.geo;

import java.util.Objects;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.util.GeometryTransformer;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateReferenceSystem;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.CoordinateTransformFactory;
import org.locationtech.proj4j.ProjCoordinate;

/**
 * A local metric projection (e.g. UTM 38N for the Caucasus) in which Truce measures distances and areas.
 * Projected coordinates are metres (x east, y north). WGS 84 geometries use x = longitude, y = latitude.
 *
 * <p>Thread-safe: proj4j transforms are not, so each call makes its own lightweight transform.
 */
public final class LocalProjection {
    private static final CRSFactory CRS = new CRSFactory();
    private static final CoordinateTransformFactory CTF = new CoordinateTransformFactory();

    private final String definition;
    private final CoordinateReferenceSystem wgs84;
    private final CoordinateReferenceSystem local;
    private final GeometryFactory factory = new GeometryFactory();

    /**
     * @param proj4 a proj4 definition, e.g. {@code +proj=utm +zone=38 +datum=WGS84 +units=m +no_defs}
     * @throws IllegalArgumentException if proj4j cannot parse it
     */
    public LocalProjection(String proj4) {
        this.definition = Objects.requireNonNull(proj4);
        try {
            this.wgs84 = CRS.createFromParameters("WGS84", "+proj=longlat +datum=WGS84 +no_defs");
            this.local = CRS.createFromParameters("local", proj4);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a usable proj4 definition: " + proj4 + " (" + e.getMessage() + ")", e);
        }
    }

    /** UTM zone 38 north (EPSG:32638), the default for the Caucasus. */
    public static LocalProjection utm38n() {
        return new LocalProjection("+proj=utm +zone=38 +datum=WGS84 +units=m +no_defs");
    }

    public String definition() {
        return definition;
    }

    public Coordinate toLocal(GeoPoint p) {
        ProjCoordinate out = new ProjCoordinate();
        forward().transform(new ProjCoordinate(p.lon(), p.lat()), out);
        return new Coordinate(out.x, out.y);
    }

    public GeoPoint toGeo(Coordinate c) {
        ProjCoordinate out = new ProjCoordinate();
        inverse().transform(new ProjCoordinate(c.x, c.y), out);
        return new GeoPoint(out.y, out.x);
    }

    /** A copy of a WGS 84 geometry (x = lon, y = lat) in local metres. */
    public Geometry toLocal(Geometry wgs84Geometry) {
        CoordinateTransform t = forward();
        return transform(wgs84Geometry, t);
    }

    /** A copy of a local-metre geometry in WGS 84 (x = lon, y = lat). */
    public Geometry toGeo(Geometry localGeometry) {
        return transform(localGeometry, inverse());
    }

    /** Distance in metres between two positions, measured in this projection. */
    public double distanceM(GeoPoint a, GeoPoint b) {
        return toLocal(a).distance(toLocal(b));
    }

    /**
     * Grid convergence at {@code p}, as the grid bearing of true north in degrees clockwise: negative east of a UTM
     * zone's central meridian in the northern hemisphere (the meridian leans towards the central one). A true bearing
     * plus this is the bearing in the local frame; about 1 degree in the Caucasus on UTM 38N, i.e. 170 m at 10 km,
     * too much to ignore.
     */
    public double convergenceDeg(GeoPoint p) {
        Coordinate s = toLocal(p);
        // A step north small enough to stay local, large enough to stay clear of rounding (about 1 km).
        double step = p.lat() > 89.99 ? -0.01 : 0.01;
        Coordinate n = toLocal(new GeoPoint(p.lat() + step, p.lon()));
        double deg = Math.toDegrees(Math.atan2(n.x - s.x, n.y - s.y));
        return step > 0 ? deg : Math.IEEEremainder(deg + 180, 360);
    }

    public GeometryFactory factory() {
        return factory;
    }

    private CoordinateTransform forward() {
        return CTF.createTransform(wgs84, local);
    }

    private CoordinateTransform inverse() {
        return CTF.createTransform(local, wgs84);
    }

    private static Geometry transform(Geometry g, CoordinateTransform t) {
        ProjCoordinate in = new ProjCoordinate();
        ProjCoordinate out = new ProjCoordinate();
        return new GeometryTransformer() {
            @Override
            protected org.locationtech.jts.geom.CoordinateSequence transformCoordinates(
                    org.locationtech.jts.geom.CoordinateSequence coords, Geometry parent) {
                var copy = coords.copy();
                for (int i = 0; i < copy.size(); i++) {
                    in.x = copy.getX(i);
                    in.y = copy.getY(i);
                    t.transform(in, out);
                    copy.setOrdinate(i, 0, out.x);
                    copy.setOrdinate(i, 1, out.y);
                }
                return copy;
            }
        }.transform(g);
    }
}
