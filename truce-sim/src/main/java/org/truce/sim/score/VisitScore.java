package org.truce.sim.score;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Track completeness within visits: a diagnostic beside {@link TrackScore#completeness()} that separates a tracker
 * breaking tracks from sensors not looking. A visit is a maximal run of a unit's accepted detections with no gap
 * longer than {@code gap} between consecutive ones (the sensors kept looking); only visits with at least
 * {@link TrackScore#MIN_DETECTIONS} detections count. A visit's completeness is the span of the detections held by
 * its dominant confirmed track (the one holding most of the visit's detections; ties: the lower track id) over the
 * visit's span: 1 for a visit at one instant with a dominant track, 0 when no confirmed track holds any of it.
 * Immutable; pools over runs.
 *
 * @param gap             the longest gap inside one visit
 * @param visits          visits counted
 * @param completenessSum sum of their completeness
 * @param completeness    {@code completenessSum / visits} (1 when there are none)
 */
public record VisitScore(Duration gap, int visits, double completenessSum, double completeness) {

    /**
     * @param detections every accepted detection with its truth, by observation id
     * @param tracks     each confirmed track's evidence (observation ids)
     * @param gap        longest gap within a visit, e.g. the tracker's coasting limit
     */
    public static VisitScore score(Map<String, DetectionFact> detections,
                                   Map<String, ? extends Collection<String>> tracks, Duration gap) {
        Map<String, String> trackOf = new HashMap<>();
        for (var e : new TreeMap<>(tracks).entrySet()) {
            for (String id : e.getValue()) trackOf.putIfAbsent(id, e.getKey());
        }
        Map<String, List<DetectionFact>> byUnit = new TreeMap<>();
        for (DetectionFact d : detections.values()) {
            d.unit().ifPresent(u -> byUnit.computeIfAbsent(u, k -> new ArrayList<>()).add(d));
        }
        int visits = 0;
        double sum = 0;
        for (List<DetectionFact> seen : byUnit.values()) {
            seen.sort(Comparator.comparing(DetectionFact::time).thenComparing(DetectionFact::id));
            int from = 0;
            for (int i = 1; i <= seen.size(); i++) {
                boolean ends = i == seen.size()
                        || Duration.between(seen.get(i - 1).time(), seen.get(i).time()).compareTo(gap) > 0;
                if (!ends) continue;
                List<DetectionFact> visit = seen.subList(from, i);
                from = i;
                if (visit.size() < TrackScore.MIN_DETECTIONS) continue;
                visits++;
                sum += completeness(visit, trackOf);
            }
        }
        return new VisitScore(gap, visits, sum, visits == 0 ? 1.0 : sum / visits);
    }

    private static double completeness(List<DetectionFact> visit, Map<String, String> trackOf) {
        Map<String, List<Instant>> held = new TreeMap<>();
        for (DetectionFact d : visit) {
            Optional.ofNullable(trackOf.get(d.id()))
                    .ifPresent(t -> held.computeIfAbsent(t, k -> new ArrayList<>()).add(d.time()));
        }
        if (held.isEmpty()) return 0;
        List<Instant> best = List.of();
        for (List<Instant> l : held.values()) if (l.size() > best.size()) best = l;
        long span = Duration.between(visit.getFirst().time(), visit.getLast().time()).toMillis();
        if (span == 0) return 1;
        long covered = Duration.between(best.getFirst(), best.getLast()).toMillis();
        return (double) covered / span;
    }

    public static VisitScore pooled(List<VisitScore> runs) {
        int visits = 0;
        double sum = 0;
        for (VisitScore s : runs) {
            visits += s.visits;
            sum += s.completenessSum;
        }
        Duration gap = runs.isEmpty() ? Duration.ZERO : runs.getFirst().gap();
        return new VisitScore(gap, visits, sum, visits == 0 ? 1.0 : sum / visits);
    }
}
