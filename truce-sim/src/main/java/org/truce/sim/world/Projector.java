package org.truce.sim.world;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.CoordinateTransformFactory;
import org.locationtech.proj4j.ProjCoordinate;
import org.truce.geo.GeoPoint;
import org.truce.geo.LocalProjection;

/**
 * The agreement's local metric projection with its transforms built once, for the simulator's hot loop
 * (hundreds of thousands of conversions a simulated day). Not thread-safe: one per simulation.
 */
public final class Projector {
    private final LocalProjection projection;
    private final CoordinateTransform forward;
    private final CoordinateTransform inverse;
    private final ProjCoordinate in = new ProjCoordinate();
    private final ProjCoordinate out = new ProjCoordinate();

    public Projector(String proj4) {
        this.projection = new LocalProjection(proj4);
        CRSFactory crs = new CRSFactory();
        var wgs84 = crs.createFromParameters("WGS84", "+proj=longlat +datum=WGS84 +no_defs");
        var local = crs.createFromParameters("local", proj4);
        CoordinateTransformFactory ctf = new CoordinateTransformFactory();
        this.forward = ctf.createTransform(wgs84, local);
        this.inverse = ctf.createTransform(local, wgs84);
    }

    public Coordinate toLocal(GeoPoint p) {
        in.x = p.lon();
        in.y = p.lat();
        forward.transform(in, out);
        return new Coordinate(out.x, out.y);
    }

    public Coordinate toLocal(double lat, double lon) {
        return toLocal(GeoPoint.of(lat, lon));
    }

    public GeoPoint toGeo(double x, double y) {
        in.x = x;
        in.y = y;
        inverse.transform(in, out);
        return new GeoPoint(out.y, out.x);
    }

    public GeoPoint toGeo(Coordinate c) {
        return toGeo(c.x, c.y);
    }

    /** Grid convergence at a local point: the grid bearing of true north, degrees (see {@link LocalProjection}). */
    public double convergenceDeg(double x, double y) {
        return projection.convergenceDeg(toGeo(x, y));
    }

    /** A WGS 84 geometry (x = lon, y = lat) in local metres. */
    public Geometry toLocal(Geometry wgs84) {
        return projection.toLocal(wgs84);
    }

    public Geometry toGeo(Geometry local) {
        return projection.toGeo(local);
    }
}
