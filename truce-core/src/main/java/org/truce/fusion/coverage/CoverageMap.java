package org.truce.fusion.coverage;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Lineal;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.Puntal;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * What the sensors watched: a set of {@link Look}s that answers "was this place observed in [from, to), by whom,
 * with what probability" for any place (point, line or area in local metres).
 *
 * <p>A look counts for a place when its instant lies in [from, to) and its footprint covers a positive share of the
 * place: of its area for an area, of its length for a line, the point itself for a point. Its contribution is the
 * look's detection probability times that share, and contributions combine as independent looks,
 * {@code 1 - prod(1 - p)}. Repeated looks by one asset at one place are not really independent, so the combination
 * is an upper bound on the true detection probability; callers wanting a conservative figure can query per asset.
 *
 * <p>Immutable once built and thread-safe; pure (no clock).
 */
public final class CoverageMap {
    private final List<Look> looks;
    private final STRtree index = new STRtree();

    public CoverageMap(Collection<Look> looks) {
        List<Look> sorted = new ArrayList<>(Objects.requireNonNull(looks, "looks"));
        sorted.sort(Comparator.comparing(Look::time).thenComparing(Look::asset));
        this.looks = List.copyOf(sorted);
        for (int i = 0; i < this.looks.size(); i++) {
            index.insert(this.looks.get(i).footprint().getEnvelopeInternal(), i);
        }
        index.build();
    }

    /** The looks, in time order (then asset). */
    public List<Look> looks() {
        return looks;
    }

    /**
     * Coverage of {@code place} by the looks with {@code from <= time < to}.
     *
     * @param place a point, line or area (or a collection of one kind) in local metres, non-empty
     * @throws IllegalArgumentException if {@code to} is before {@code from} or the place is empty or mixed
     */
    public Coverage query(Geometry place, Instant from, Instant to) {
        Objects.requireNonNull(place, "place");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("interval ends before it starts: [" + from + ", " + to + ")");
        }
        if (place.isEmpty()) {
            throw new IllegalArgumentException("place is empty");
        }
        List<Coverage.Contribution> contributions = new ArrayList<>();
        @SuppressWarnings("unchecked")
        List<Integer> hits = index.query(place.getEnvelopeInternal());
        hits.sort(Comparator.naturalOrder());
        for (int i : hits) {
            Look look = looks.get(i);
            if (look.time().isBefore(from) || !look.time().isBefore(to)) {
                continue;
            }
            double share = share(look.footprint(), place);
            if (share > 0) {
                contributions.add(new Coverage.Contribution(look.asset(), look.time(), share,
                        look.detectionProbability() * share));
            }
        }
        return Coverage.of(from, to, contributions);
    }

    /** The share of {@code place} inside {@code footprint}, in [0, 1]. */
    public static double share(Geometry footprint, Geometry place) {
        if (!footprint.getEnvelopeInternal().intersects(place.getEnvelopeInternal())) {
            return 0;
        }
        if (place instanceof Puntal) {
            PreparedGeometry prepared = PreparedGeometryFactory.prepare(footprint);
            int n = place.getNumGeometries();
            int in = 0;
            for (int i = 0; i < n; i++) {
                in += prepared.covers(place.getGeometryN(i)) ? 1 : 0;
            }
            return (double) in / n;
        }
        if (place instanceof Lineal) {
            double length = place.getLength();
            return length == 0 ? 0 : Math.min(1, footprint.intersection(place).getLength() / length);
        }
        if (place instanceof Polygonal) {
            double area = place.getArea();
            return area == 0 ? 0 : Math.min(1, footprint.intersection(place).getArea() / area);
        }
        throw new IllegalArgumentException("place must be points, lines or areas, not a mixed "
                + place.getGeometryType());
    }
}
