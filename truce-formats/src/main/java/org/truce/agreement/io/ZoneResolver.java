package org.truce.agreement.io;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.truce.agreement.Zone;
import org.truce.ground.ZoneId;
import org.truce.geo.LocalProjection;

/**
 * Computes every zone's geometry from its definition, in dependency order whatever the file order: buffers,
 * unions and differences in the agreement's local metric projection, the result back in WGS 84. Reports
 * unknown zone references, dependency cycles, and results that are empty, not areas, or invalid. A zone whose
 * dependency failed is skipped silently: the root cause is already reported. Not thread-safe: one load, one thread.
 */
final class ZoneResolver {
    private final Map<String, ZoneDef> defs = new LinkedHashMap<>();
    private final Optional<LocalProjection> projection;
    private final JsonSource src;
    private final Problems problems;
    private final Map<String, Optional<Geometry>> local = new HashMap<>();
    private final List<String> visiting = new ArrayList<>();

    ZoneResolver(List<ZoneDef> zones, Optional<LocalProjection> projection, JsonSource src, Problems problems) {
        zones.forEach(z -> defs.putIfAbsent(z.id().value(), z));
        this.projection = projection;
        this.src = src;
        this.problems = problems;
    }

    /** The zones that could be computed, in file order. */
    Map<ZoneId, Zone> resolve() {
        for (ZoneDef d : defs.values()) {
            for (Fields.Ref r : d.dependencies()) {
                if (!defs.containsKey(r.value())) problems.add(src, r.path(), "unknown zone '" + r.value() + "'");
            }
        }
        Map<ZoneId, Zone> zones = new LinkedHashMap<>();
        for (ZoneDef d : defs.values()) {
            Optional<Geometry> wgs84;
            if (d.givenAsIs()) {
                wgs84 = Optional.of(((ZoneDef.Base.Given) d.base()).wgs84());
                localOf(d);
            } else {
                wgs84 = localOf(d).flatMap(g -> projection.map(p -> p.toGeo(g))).flatMap(g -> checkResult(d, g));
            }
            wgs84.ifPresent(g -> zones.put(d.id(), new Zone(d.id(), d.name(), d.role(), g, d.heldBy(), d.source(), d.caveat())));
        }
        return zones;
    }

    private Optional<Geometry> localOf(ZoneDef d) {
        String id = d.id().value();
        if (local.containsKey(id)) return local.get(id);
        int at = visiting.indexOf(id);
        if (at >= 0) {
            List<String> cycle = new ArrayList<>(visiting.subList(at, visiting.size()));
            cycle.add(id);
            problems.add(src, defs.get(cycle.get(0)).path(), "zone dependency cycle: " + String.join(" -> ", cycle));
            return Optional.empty();
        }
        visiting.add(id);
        Optional<Geometry> g;
        try {
            g = compute(d);
        } catch (RuntimeException e) {
            problems.add(src, d.path(), "geometry operation failed: " + e.getMessage());
            g = Optional.empty();
        }
        visiting.remove(visiting.size() - 1);
        if (!local.containsKey(id)) local.put(id, g);
        return local.get(id);
    }

    private Optional<Geometry> compute(ZoneDef d) {
        if (projection.isEmpty() || d.base() instanceof ZoneDef.Base.Broken) return Optional.empty();
        LocalProjection p = projection.get();
        Optional<Geometry> g = switch (d.base()) {
            case ZoneDef.Base.Given given -> finite(d, p.toLocal(given.wgs84()));
            case ZoneDef.Base.LineBuffer lb -> finite(d, p.toLocal(lb.wgs84Line())).map(l -> l.buffer(lb.metres()));
            case ZoneDef.Base.ZoneBuffer zb -> dependency(zb.zone()).map(z -> z.buffer(zb.metres()));
            case ZoneDef.Base.Nothing n -> Optional.of(p.factory().createPolygon());
            case ZoneDef.Base.Broken b -> Optional.<Geometry>empty();
        };
        for (Fields.Ref r : d.union()) {
            Optional<Geometry> other = dependency(r);
            g = g.flatMap(a -> other.map(a::union));
        }
        for (Fields.Ref r : d.subtract()) {
            Optional<Geometry> other = dependency(r);
            g = g.flatMap(a -> other.map(a::difference));
        }
        return g;
    }

    private Optional<Geometry> dependency(Fields.Ref r) {
        ZoneDef dep = defs.get(r.value());
        return dep == null ? Optional.empty() : localOf(dep);
    }

    private Optional<Geometry> finite(ZoneDef d, Geometry projected) {
        for (Coordinate c : projected.getCoordinates()) {
            if (!Double.isFinite(c.x) || !Double.isFinite(c.y)) {
                problems.add(src, JsonPath.ROOT.child("projection"),
                        "unusable projection: zone '" + d.id() + "' does not project to finite coordinates");
                return Optional.empty();
            }
        }
        return Optional.of(projected);
    }

    private Optional<Geometry> checkResult(ZoneDef d, Geometry g) {
        if (g.isEmpty()) {
            problems.add(src, d.path(), "the computed geometry of zone '" + d.id() + "' is empty");
            return Optional.empty();
        }
        if (!(g instanceof Polygon || g instanceof MultiPolygon)) {
            problems.add(src, d.path(), "the computed geometry of zone '" + d.id() + "' is a "
                    + g.getGeometryType() + ", not an area");
            return Optional.empty();
        }
        return GeoJsonGeometry.validityError(g).map(reason -> {
            problems.add(src, d.path(), "computed " + reason);
            return Optional.<Geometry>empty();
        }).orElse(Optional.of(g));
    }
}
