package org.truce.sim.score;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * How well the center's confirmed tracks follow the true units. Immutable; the sums are kept so scores of several
 * runs can be pooled ({@link #pooled}).
 *
 * <p>Purity: for each confirmed track, the share of its detections (those of its evidence the simulator emitted)
 * that came from its dominant true unit (false alarms count against it); averaged over tracks weighted by their
 * detections, i.e. {@code dominantDetections / trackDetections}. Completeness: for each observed unit (at least
 * {@code minDetections} accepted detections), the share of its observed span (first to last accepted detection)
 * covered by its dominant track, the confirmed track holding most of its detections (ties: the lower track id), where
 * the covered part is the span from the first to the last of the unit's detections in that track; a unit seen at one
 * instant only counts 1 when its dominant track exists; a unit no confirmed track holds counts 0. Averaged over
 * observed units. An empty denominator gives 1.
 *
 * @param confirmedTracks    confirmed tracks with at least one scored detection
 * @param trackDetections    scored detections in confirmed tracks
 * @param dominantDetections of those, from their track's dominant unit
 * @param observedUnits      units with at least {@code minDetections} accepted detections
 * @param completenessSum    sum over observed units of their completeness
 * @param fragmentsSum       sum over observed units of the number of confirmed tracks holding their detections
 * @param purity             {@code dominantDetections / trackDetections}
 * @param completeness       {@code completenessSum / observedUnits}
 * @param tracksPerUnit      {@code fragmentsSum / observedUnits}: 1 for a tracker that never breaks a track
 */
public record TrackScore(int confirmedTracks, long trackDetections, long dominantDetections, int observedUnits,
                         double completenessSum, long fragmentsSum, double purity, double completeness,
                         double tracksPerUnit) {
    /** Units with fewer accepted detections are not counted as observed. */
    public static final int MIN_DETECTIONS = 3;

    /**
     * Scores confirmed tracks against the truth of their detections.
     *
     * @param detections every accepted detection with its truth, by observation id
     * @param tracks     each confirmed track's evidence (observation ids; ids not in {@code detections} are ignored)
     */
    public static TrackScore score(Map<String, DetectionFact> detections, Map<String, ? extends Collection<String>> tracks) {
        return score(detections, tracks, MIN_DETECTIONS);
    }

    public static TrackScore score(Map<String, DetectionFact> detections,
                                   Map<String, ? extends Collection<String>> tracks, int minDetections) {
        int trackCount = 0;
        long total = 0, dominant = 0;
        // unit -> track -> its detections in that track
        Map<String, Map<String, List<Instant>>> byUnit = new TreeMap<>();
        for (var e : new TreeMap<>(tracks).entrySet()) {
            Map<String, Integer> counts = new HashMap<>();
            int n = 0;
            for (String id : e.getValue()) {
                DetectionFact d = detections.get(id);
                if (d == null) continue;
                n++;
                if (d.unit().isPresent()) {
                    String unit = d.unit().get();
                    counts.merge(unit, 1, Integer::sum);
                    byUnit.computeIfAbsent(unit, k -> new TreeMap<>()).computeIfAbsent(e.getKey(), k -> new ArrayList<>())
                            .add(d.time());
                }
            }
            if (n == 0) continue;
            trackCount++;
            total += n;
            dominant += counts.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        }
        Map<String, List<Instant>> seen = new TreeMap<>();
        for (DetectionFact d : detections.values()) {
            d.unit().ifPresent(u -> seen.computeIfAbsent(u, k -> new ArrayList<>()).add(d.time()));
        }
        int observed = 0;
        long fragments = 0;
        double sum = 0;
        for (var e : seen.entrySet()) {
            if (e.getValue().size() < minDetections) continue;
            observed++;
            Optional<Map<String, List<Instant>>> held = Optional.ofNullable(byUnit.get(e.getKey()));
            sum += completeness(e.getValue(), held);
            fragments += held.map(Map::size).orElse(0);
        }
        return new TrackScore(trackCount, total, dominant, observed, sum, fragments, ratio(dominant, total),
                observed == 0 ? 1.0 : sum / observed, observed == 0 ? 0 : (double) fragments / observed);
    }

    private static double completeness(List<Instant> seen, Optional<Map<String, List<Instant>>> inTracks) {
        if (inTracks.isEmpty() || inTracks.get().isEmpty()) return 0;
        List<Instant> best = List.of();
        for (List<Instant> l : inTracks.get().values()) if (l.size() > best.size()) best = l;
        long span = span(seen);
        if (span == 0) return 1;
        return Math.min(1.0, (double) span(best) / span);
    }

    private static long span(List<Instant> times) {
        Instant min = times.getFirst(), max = times.getFirst();
        for (Instant t : times) {
            if (t.isBefore(min)) min = t;
            if (t.isAfter(max)) max = t;
        }
        return Duration.between(min, max).toMillis();
    }

    /** Scores of several runs pooled: detections and units summed, ratios recomputed. */
    public static TrackScore pooled(List<TrackScore> runs) {
        int tracks = 0, units = 0;
        long total = 0, dominant = 0, fragments = 0;
        double sum = 0;
        for (TrackScore s : runs) {
            tracks += s.confirmedTracks;
            total += s.trackDetections;
            dominant += s.dominantDetections;
            units += s.observedUnits;
            sum += s.completenessSum;
            fragments += s.fragmentsSum;
        }
        return new TrackScore(tracks, total, dominant, units, sum, fragments, ratio(dominant, total),
                units == 0 ? 1.0 : sum / units, units == 0 ? 0 : (double) fragments / units);
    }

    private static double ratio(long a, long b) {
        return b == 0 ? 1.0 : (double) a / b;
    }
}
