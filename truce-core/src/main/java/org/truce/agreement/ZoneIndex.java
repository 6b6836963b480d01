package org.truce.agreement;

import org.truce.geo.NormalDistribution;
import org.truce.geo.LocalProjection;
import org.truce.geo.GeoPoint;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.operation.distance.IndexedFacetDistance;
import org.truce.ground.ZoneId;
import org.truce.ground.uncertainty.PlaceProbability;
import org.truce.ground.uncertainty.PositionEstimate;

/**
 * All zones of an {@link Agreement}, projected once into the agreement's {@link LocalProjection} (metres),
 * prepared for fast point-in-polygon tests and held under an STR-tree.
 *
 * <p>Signed distances are in metres to the zone's boundary: negative inside, positive outside, zero on it.
 * A point within {@value #ON_LINE_M} m of a boundary is on it: a point placed exactly on a line in WGS 84 comes
 * back from the projection a few nanometres to one side, and "on the line" must not depend on that noise.
 * Immutable after construction and thread-safe (the STR-tree is built eagerly; prepared geometries and
 * facet-distance indexes are safe for concurrent reads once built, which the constructor forces).
 */
public final class ZoneIndex {
    /** 1-sigma of a circular Gaussian per metre of CEP: CEP = sqrt(2 ln 2) sigma. */
    public static final double SIGMA_PER_CEP = 1 / Math.sqrt(2 * Math.log(2));
    /** Radius of the 95 % circle of a circular Gaussian, in sigmas: sqrt(-2 ln 0.05). */
    public static final double R95_PER_SIGMA = Math.sqrt(-2 * Math.log(0.05));

    /** Distance below which a point counts as on the boundary, metres. */
    public static final double ON_LINE_M = 1e-6;

    private final LocalProjection projection;
    private final Map<ZoneId, Entry> entries = new LinkedHashMap<>();
    private final STRtree tree = new STRtree();

    /** The last projected point: every rule evaluator projects the same track position in turn. */
    private record Projected(GeoPoint geo, Coordinate local) { }

    private volatile Projected last;

    private record Entry(Zone zone, Geometry local, PreparedGeometry prepared, IndexedFacetDistance boundary) { }

    public ZoneIndex(Agreement agreement) {
        this(new LocalProjection(agreement.projection()), agreement.zones().values());
    }

    public ZoneIndex(LocalProjection projection, Collection<Zone> zones) {
        this.projection = Objects.requireNonNull(projection);
        for (Zone z : zones) {
            Geometry local = projection.toLocal(z.geometry());
            PreparedGeometry prepared = PreparedGeometryFactory.prepare(local);
            IndexedFacetDistance boundary = new IndexedFacetDistance(local.getBoundary());
            // Force lazy indexes now so later concurrent reads never build them.
            Point c = local.getFactory().createPoint(local.getEnvelopeInternal().centre());
            prepared.covers(c);
            boundary.distance(c);
            entries.put(z.id(), new Entry(z, local, prepared, boundary));
            tree.insert(local.getEnvelopeInternal(), z.id());
        }
        tree.build();
    }

    public LocalProjection projection() {
        return projection;
    }

    /** The point in local metres (a fresh coordinate the caller may keep or change). */
    public Coordinate toLocal(GeoPoint p) {
        Projected memo = last;
        if (memo == null || !memo.geo().equals(p)) {
            memo = new Projected(p, projection.toLocal(p));
            last = memo;
        }
        return memo.local().copy();
    }

    public GeoPoint toGeo(Coordinate c) {
        return projection.toGeo(c);
    }

    public boolean has(ZoneId zone) {
        return entries.containsKey(zone);
    }

    public Zone zone(ZoneId id) {
        return entry(id).zone();
    }

    /** The zone's geometry in local metres (a shared instance: do not mutate). */
    public Geometry localGeometry(ZoneId id) {
        return entry(id).local();
    }

    /** Ids of the zones that cover the point (boundary included), in id order. */
    public List<ZoneId> zonesContaining(Coordinate local) {
        Point p = point(local);
        List<ZoneId> out = new ArrayList<>();
        for (Object o : tree.query(p.getEnvelopeInternal())) {
            ZoneId id = (ZoneId) o;
            if (covers(entries.get(id), p)) out.add(id);
        }
        out.sort(Comparator.naturalOrder());
        return out;
    }

    public List<ZoneId> zonesContaining(GeoPoint p) {
        return zonesContaining(toLocal(p));
    }

    /** Whether the zone covers the point (a point on the boundary is inside). */
    public boolean contains(ZoneId zone, Coordinate local) {
        return covers(entry(zone), point(local));
    }

    /** Signed distance in metres from the point to the zone's boundary: negative inside, positive outside. */
    public double signedDistanceM(ZoneId zone, Coordinate local) {
        Entry e = entry(zone);
        Point p = point(local);
        double d = e.boundary().distance(p);
        if (d < ON_LINE_M) return 0;
        return e.prepared().covers(p) ? -d : d;
    }

    /**
     * Signed distance to the union of several zones. Exact outside the union (the nearest zone's distance);
     * inside, it is the deepest single zone's depth, which under-estimates the depth only where zones overlap
     * across a shared edge: conservative for "outside the allowed zones by more than x" tests.
     */
    public double signedDistanceToUnionM(Collection<ZoneId> zones, Coordinate local) {
        if (zones.isEmpty()) throw new IllegalArgumentException("no zones");
        double best = Double.POSITIVE_INFINITY;
        for (ZoneId z : zones) best = Math.min(best, signedDistanceM(z, local));
        return best;
    }

    /**
     * Probability that an object whose true position is Gaussian around {@code local} with a circular
     * 1-sigma of {@code sigmaM} metres lies inside the zone.
     *
     * <p>Half-plane approximation: the boundary near the point is treated as a straight line, so the
     * probability is Φ(−d/σ) with d the signed distance. Good while σ is small against the zone's curvature
     * and against the distance to other parts of the boundary; it overstates certainty near sharp corners and
     * in zones narrower than a few σ. With σ = 0 the answer is 1 inside or on the boundary, 0 outside.
     */
    public double probabilityInside(ZoneId zone, Coordinate local, double sigmaM) {
        if (!(sigmaM >= 0)) throw new IllegalArgumentException("sigmaM must be >= 0, was " + sigmaM);
        double d = signedDistanceM(zone, local);
        if (sigmaM == 0) return d <= 0 ? 1 : 0;
        return NormalDistribution.cdf(-d / sigmaM);
    }

    public double probabilityInside(ZoneId zone, GeoPoint p, double sigmaM) {
        return probabilityInside(zone, toLocal(p), sigmaM);
    }

    /**
     * Probability that an object whose true position is Gaussian with the estimate's mean and 2-D covariance (local
     * metres) lies inside the zone: the Gaussian integrated over the zone's polygon by
     * {@link PlaceProbability#inside}, a fixed quasi-random point set, so the result is deterministic (error about
     * 1e-3; exactly 0 or 1 when the 6-sigma ellipse lies wholly outside or inside). Unlike the isotropic overload it
     * follows the zone's real shape and an elongated ellipse's orientation against the line.
     */
    public double probabilityInside(ZoneId zone, PositionEstimate estimate) {
        Objects.requireNonNull(estimate, "estimate");
        return PlaceProbability.inside(entry(zone).local(), estimate);
    }

    /**
     * Probability that the estimate lies inside {@code area} (a polygon in local metres, e.g. a union of zones
     * prepared once by the caller); see {@link #probabilityInside(ZoneId, PositionEstimate)}.
     */
    public static double probabilityInside(Geometry area, PositionEstimate estimate) {
        return PlaceProbability.inside(area, estimate);
    }

    private static boolean covers(Entry e, Point p) {
        return e.prepared().covers(p) || e.boundary().isWithinDistance(p, ON_LINE_M);
    }

    private Point point(Coordinate c) {
        return projection.factory().createPoint(c);
    }

    private Entry entry(ZoneId id) {
        Entry e = entries.get(id);
        if (e == null) throw new IllegalArgumentException("unknown zone " + id);
        return e;
    }
}
