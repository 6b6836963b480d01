package org.truce.server.ogc;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.locationtech.jts.geom.Envelope;

/**
 * Where an OGC collection's features come from, and how its {@code bbox}/{@code datetime} filters are answered.
 * {@link #listed} builds every feature per request and filters the list (right for small collections: zones,
 * coverage cells, findings, flight plans); {@link #indexed} asks a read model's spatial index for the candidates in
 * the box and builds GeoJSON only for the page returned, so a request costs what it matches, not the collection.
 * Both give the same answer for the same features: the matches in the collection's stable order (paging relies on
 * it), their number, and a page of them. Implementations are thread-safe.
 */
public interface FeatureSource {
    /**
     * The features that touch {@code bbox} and {@code time} (each filter optional), in the collection's order.
     *
     * @return how many match, and the page {@code [offset, offset + limit)} of them
     */
    Matches match(Optional<BoundingBox> bbox, Optional<TimeInterval> time, int offset, int limit);

    /** The feature with {@code id}, if the collection has it now. */
    Optional<OgcFeature> find(String id);

    /** The collection's extent now: the envelope of every feature (null envelope when none) and the time span. */
    Extent extent();

    /** @param numberMatched every match, not only this page */
    record Matches(long numberMatched, List<OgcFeature> page) {
        public Matches {
            page = List.copyOf(page);
        }
    }

    /** @param temporal the smallest interval covering every timed feature; empty when no feature has a time */
    record Extent(Envelope spatial, Optional<TimeInterval> temporal) {
        public Extent {
            Objects.requireNonNull(spatial); Objects.requireNonNull(temporal);
        }
    }

    /** Every feature per call from {@code features} (thread-safe, stable order), filtered in memory. */
    static FeatureSource listed(Supplier<List<OgcFeature>> features) {
        Objects.requireNonNull(features);
        return new FeatureSource() {
            @Override
            public Matches match(Optional<BoundingBox> bbox, Optional<TimeInterval> time, int offset, int limit) {
                List<OgcFeature> matched = features.get().stream()
                        .filter(f -> bbox.map(b -> b.intersects(f.envelope())).orElse(true))
                        .filter(f -> time.map(t -> t.intersects(f.time())).orElse(true))
                        .toList();
                return new Matches(matched.size(), page(matched, offset, limit));
            }

            @Override
            public Optional<OgcFeature> find(String id) {
                return features.get().stream().filter(x -> x.id().equals(id)).findFirst();
            }

            @Override
            public Extent extent() {
                return extentOf(features.get(), OgcFeature::envelope, OgcFeature::time);
            }
        };
    }

    /**
     * Features of domain items {@code T} held by a read model.
     *
     * @param all      every item now, in the collection's order
     * @param inBox    the items whose envelope intersects an envelope (closed), in the collection's order
     * @param byId     one item by its feature id
     * @param order    the collection's order (the order of {@code all})
     * @param id       an item's feature id
     * @param envelope an item's lon/lat envelope
     * @param time     an item's time
     * @param feature  an item's GeoJSON feature (built only for the returned page)
     */
    static <T> FeatureSource indexed(Supplier<List<T>> all, Function<Envelope, List<T>> inBox,
                                     Function<String, Optional<T>> byId, Comparator<T> order,
                                     Function<T, String> id, Function<T, Envelope> envelope,
                                     Function<T, TimeInterval> time, Function<T, OgcFeature> feature) {
        return new FeatureSource() {
            @Override
            public Matches match(Optional<BoundingBox> bbox, Optional<TimeInterval> t, int offset, int limit) {
                List<T> candidates;
                if (bbox.isPresent()) {
                    // An antimeridian box has two parts; an item on the seam may come from both.
                    Map<String, T> unique = new LinkedHashMap<>();
                    for (Envelope part : bbox.get().parts()) {
                        for (T item : inBox.apply(part)) unique.putIfAbsent(id.apply(item), item);
                    }
                    candidates = new ArrayList<>(unique.values());
                    if (bbox.get().parts().size() > 1) candidates.sort(order);
                } else {
                    candidates = all.get();
                }
                List<T> matched = t.isEmpty() ? candidates
                        : candidates.stream().filter(x -> t.get().intersects(time.apply(x))).toList();
                return new Matches(matched.size(), page(matched, offset, limit).stream().map(feature).toList());
            }

            @Override
            public Optional<OgcFeature> find(String featureId) {
                return byId.apply(featureId).map(feature);
            }

            @Override
            public Extent extent() {
                return extentOf(all.get(), envelope, time);
            }
        };
    }

    private static <T> List<T> page(List<T> matched, int offset, int limit) {
        return matched.subList(Math.min(offset, matched.size()), (int) Math.min((long) offset + limit, matched.size()));
    }

    private static <T> Extent extentOf(List<T> items, Function<T, Envelope> envelope, Function<T, TimeInterval> time) {
        Envelope all = new Envelope();
        Instant min = null;
        Instant max = null;
        for (T item : items) {
            all.expandToInclude(envelope.apply(item));
            TimeInterval t = time.apply(item);
            if (t.equals(TimeInterval.ALWAYS)) continue;
            Instant s = t.start().orElse(null);
            Instant e = t.end().orElse(null);
            if (s != null && (min == null || s.isBefore(min))) min = s;
            if (e != null && (max == null || e.isAfter(max))) max = e;
        }
        Optional<TimeInterval> temporal = min == null && max == null ? Optional.empty()
                : Optional.of(new TimeInterval(Optional.ofNullable(min), Optional.ofNullable(max)));
        return new Extent(all, temporal);
    }
}
