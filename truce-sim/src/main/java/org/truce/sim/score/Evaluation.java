package org.truce.sim.score;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.truce.codec.TruceJson;
import org.truce.geo.GeoPoint;
import org.truce.rules.Incident;
import org.truce.sim.truth.GroundTruth;
import org.truce.sim.truth.TruthViolation;

/**
 * How well the center's incidents agree with a simulated run's ground truth. Immutable; serialises to JSON with
 * the keys named by the components.
 *
 * <p>An incident matches a true violation when both concern the same rule (or rule type, see {@link Tolerances}),
 * their intervals overlap within the time slack, and the incident's place lies within the distance tolerance (or
 * its own uncertainty, whichever is larger) of a place of the violation: its farthest point, any true position of
 * the violator while violating (sampled each minute), or an impact of a fire violation. Recall = observable violations matched by
 * at least one incident / observable violations; unobservable violations are counted apart and are not misses.
 * Precision = incidents matching some violation (observable or not) / incidents. An empty denominator gives 1.
 * Incidents are counted once per id (the version with the latest end is kept).
 *
 * @param missedViolations ids of observable violations no incident matched
 * @param falseIncidentIds ids of incidents that matched no violation
 */
public record Evaluation(long seed, Instant start, long durationSeconds, int violations, int observableViolations,
                         int unobservableViolations, int matchedObservableViolations, int matchedUnobservableViolations,
                         int incidents, int matchedIncidents, int falseIncidents, double recall, double precision,
                         Map<String, RuleTypeScore> byRuleType, List<String> missedViolations,
                         List<String> falseIncidentIds) {
    public Evaluation {
        byRuleType = java.util.Collections.unmodifiableMap(new TreeMap<>(byRuleType));
        missedViolations = List.copyOf(missedViolations);
        falseIncidentIds = List.copyOf(falseIncidentIds);
    }

    /** Scores with {@link Tolerances#defaults()}. */
    public static Evaluation score(GroundTruth truth, List<Incident> incidents) {
        return score(truth, incidents, Tolerances.defaults());
    }

    public static Evaluation score(GroundTruth truth, List<Incident> incidents, Tolerances tol) {
        Map<String, Incident> latest = new LinkedHashMap<>();
        for (Incident i : incidents) {
            latest.merge(i.id(), i, (a, b) -> b.end().isBefore(a.end()) ? a : b);
        }
        List<Incident> distinct = new ArrayList<>(latest.values());
        List<TruthViolation> vs = truth.violations();
        boolean[] violationMatched = new boolean[vs.size()];
        List<String> falseIds = new ArrayList<>();
        Map<String, int[]> incidentCounts = new TreeMap<>();
        for (Incident i : distinct) {
            boolean any = false;
            for (int k = 0; k < vs.size(); k++) {
                if (matches(i, vs.get(k), tol)) {
                    violationMatched[k] = true;
                    any = true;
                }
            }
            int[] c = incidentCounts.computeIfAbsent(i.ruleType(), t -> new int[2]);
            c[0]++;
            if (any) c[1]++;
            else falseIds.add(i.id());
        }
        Map<String, int[]> violationCounts = new TreeMap<>();
        int observable = 0, matchedObs = 0, matchedUnobs = 0;
        List<String> missed = new ArrayList<>();
        for (int k = 0; k < vs.size(); k++) {
            TruthViolation v = vs.get(k);
            int[] c = violationCounts.computeIfAbsent(v.ruleType(), t -> new int[3]);
            if (v.observable()) {
                observable++;
                c[0]++;
                if (violationMatched[k]) {
                    matchedObs++;
                    c[2]++;
                } else {
                    missed.add(v.id());
                }
            } else {
                c[1]++;
                if (violationMatched[k]) matchedUnobs++;
            }
        }
        Map<String, RuleTypeScore> byType = new TreeMap<>();
        for (String type : new TreeSet<>(union(violationCounts.keySet(), incidentCounts.keySet()))) {
            int[] v = violationCounts.getOrDefault(type, new int[3]);
            int[] i = incidentCounts.getOrDefault(type, new int[2]);
            byType.put(type, new RuleTypeScore(v[0], v[1], v[2], i[0], i[1], i[0] - i[1], ratio(v[2], v[0]),
                    ratio(i[1], i[0])));
        }
        int matchedIncidents = distinct.size() - falseIds.size();
        return new Evaluation(truth.seed(), truth.start(), truth.durationSeconds(), vs.size(), observable,
                vs.size() - observable, matchedObs, matchedUnobs, distinct.size(), matchedIncidents, falseIds.size(),
                ratio(matchedObs, observable), ratio(matchedIncidents, distinct.size()), byType, missed, falseIds);
    }

    /** Whether an incident matches a violation under the tolerances. */
    public static boolean matches(Incident i, TruthViolation v, Tolerances tol) {
        boolean sameRule = tol.byRuleType() ? i.ruleType().equals(v.ruleType()) : i.rule().equals(v.rule());
        if (!sameRule) return false;
        if (i.start().isAfter(v.end().plus(tol.timeSlack())) || i.end().isBefore(v.start().minus(tol.timeSlack()))) {
            return false;
        }
        double radius = Math.max(tol.distanceM(), i.uncertaintyM());
        if (metres(i.place(), v.place()) <= radius) return true;
        for (GeoPoint p : v.otherPlaces()) if (metres(i.place(), p) <= radius) return true;
        return false;
    }

    /** Great-circle distance in metres (mean Earth radius); ample for kilometre tolerances. */
    static double metres(GeoPoint a, GeoPoint b) {
        double r = 6_371_008.8;
        double p1 = Math.toRadians(a.lat()), p2 = Math.toRadians(b.lat());
        double dp = p2 - p1, dl = Math.toRadians(b.lon() - a.lon());
        double h = Math.sin(dp / 2) * Math.sin(dp / 2) + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
        return 2 * r * Math.asin(Math.min(1, Math.sqrt(h)));
    }

    private static double ratio(int a, int b) {
        return b == 0 ? 1.0 : (double) a / b;
    }

    private static java.util.Set<String> union(java.util.Set<String> a, java.util.Set<String> b) {
        java.util.Set<String> s = new TreeSet<>(a);
        s.addAll(b);
        return s;
    }

    /** Pretty-printed JSON of this evaluation. */
    public String toJson() {
        try {
            return TruceJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an evaluation always serialises", e);
        }
    }
}
