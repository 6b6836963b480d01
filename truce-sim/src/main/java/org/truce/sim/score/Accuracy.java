package org.truce.sim.score;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.truce.fusion.locate.EventLocator;
import org.truce.fusion.locate.LocatorConfig;
import org.truce.geo.LocalProjection;
import org.truce.rules.Incident;
import org.truce.sim.truth.GroundTruth;

/**
 * The accuracy of one simulated run (or of several pooled): incidents ({@link Evaluation}), tracks
 * ({@link TrackScore}), fire location by the locator on truly grouped cues ({@link LocationScore}) and as the
 * incidents publish it ({@link IncidentLocationScore}), and attribution ({@link AttributionScore}). Immutable.
 */
public record Accuracy(Evaluation incidents, TrackScore tracks, Map<String, TrackScore> tracksByRole, VisitScore visits,
                       LocationScore location, AttributionScore attribution, IncidentLocationScore incidentLocation) {
    /** Gap that ends a visit ({@link VisitScore}): the part 1 tracker's default coasting limit. */
    public static final Duration VISIT_GAP = Duration.ofMinutes(10);

    public Accuracy {
        Objects.requireNonNull(incidents); Objects.requireNonNull(tracks); Objects.requireNonNull(visits);
        tracksByRole = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(tracksByRole));
        Objects.requireNonNull(location); Objects.requireNonNull(attribution); Objects.requireNonNull(incidentLocation);
    }

    /**
     * Scores a finished run with the default tolerances and locator settings.
     *
     * @param projection the agreement's local metric projection
     */
    public static Accuracy of(GroundTruth truth, RunRecorder run, List<Incident> incidents, LocalProjection projection) {
        Tolerances tol = Tolerances.defaults();
        EventLocator locator = new EventLocator(LocatorConfig.defaults());
        return new Accuracy(Evaluation.score(truth, incidents, tol),
                TrackScore.score(run.detections(), run.confirmedTracks()),
                byRole(truth, run),
                VisitScore.score(run.detections(), run.confirmedTracks(), VISIT_GAP),
                LocationScore.score(truth.fires(), run.fireCues(), projection, locator),
                AttributionScore.score(truth, incidents, tol),
                IncidentLocationScore.score(truth.fires(), run.fireCues(), incidents, projection, locator));
    }

    /**
     * Track scores of each role's units alone (HOLDING, MOVING, POST, PATROL...): a unit's completeness depends only
     * on its own detections, so scoring the detections of one role gives those units' completeness unchanged. The
     * purity of such a score is not meaningful (false alarms and other roles' detections are left out).
     */
    private static Map<String, TrackScore> byRole(GroundTruth truth, RunRecorder run) {
        Map<String, String> roleOf = new java.util.HashMap<>();
        for (var e : truth.entities()) roleOf.put(e.id(), e.role());
        Map<String, Map<String, DetectionFact>> split = new java.util.TreeMap<>();
        for (var e : run.detections().entrySet()) {
            e.getValue().unit().map(u -> roleOf.getOrDefault(u, "UNKNOWN")).ifPresent(role ->
                    split.computeIfAbsent(role, k -> new java.util.HashMap<>()).put(e.getKey(), e.getValue()));
        }
        Map<String, TrackScore> out = new java.util.TreeMap<>();
        split.forEach((role, detections) -> out.put(role, TrackScore.score(detections, run.confirmedTracks())));
        return out;
    }

    /**
     * The headline figures, by their report keys: {@code trackPurity}, {@code trackCompleteness},
     * {@code locationRmsOverCrlb}, {@code ellipse95Coverage}, {@code locatedEvents}, {@code wrongAttributions},
     * {@code undeterminedShare}, {@code recall}, {@code precision}, and the counts behind them.
     */
    public Map<String, Object> figures() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("trackPurity", tracks.purity());
        m.put("trackCompleteness", tracks.completeness());
        m.put("locationRmsOverCrlb", location.rmsOverCrlb());
        m.put("ellipse95Coverage", location.ellipse95Coverage());
        m.put("incidentLocationRmsOverCrlb", incidentLocation.rmsOverCrlb());
        m.put("incidentEllipse95Coverage", incidentLocation.ellipse95Coverage());
        m.put("wrongAttributions", attribution.wrong());
        m.put("undeterminedShare", attribution.undeterminedShare());
        m.put("recall", incidents.recall());
        m.put("precision", incidents.precision());
        m.put("confirmedTracks", tracks.confirmedTracks());
        m.put("trackDetections", tracks.trackDetections());
        m.put("observedUnits", tracks.observedUnits());
        m.put("tracksPerUnit", tracks.tracksPerUnit());
        Map<String, Object> roles = new java.util.TreeMap<>();
        tracksByRole.forEach((role, t) -> roles.put(role, Map.of("observedUnits", t.observedUnits(),
                "trackCompleteness", t.completeness(), "tracksPerUnit", t.tracksPerUnit())));
        m.put("trackCompletenessByRole", roles);
        m.put("visitCompleteness", visits.completeness());
        m.put("visits", visits.visits());
        m.put("fireEvents", location.events());
        m.put("cuedFireEvents", location.cuedEvents());
        m.put("locatedFireEvents", location.locatedEvents());
        m.put("unlocatedByReason", location.rejected());
        m.put("locatedWithoutBound", location.noBound());
        m.put("locationRmsM", location.rmsErrorM());
        m.put("crlbRmsM", location.crlbRmsM());
        m.put("locatedFireIncidents", incidentLocation.locatedIncidents());
        m.put("scoredFireIncidents", incidentLocation.scored());
        m.put("locatedFireIncidentsWithoutTruth", incidentLocation.noTruth());
        m.put("incidentLocationRmsM", incidentLocation.rmsErrorM());
        m.put("incidentCrlbRmsM", incidentLocation.crlbRmsM());
        m.put("attributableIncidents", attribution.attributable());
        m.put("undeterminedIncidents", attribution.undetermined());
        m.put("wrongAttributionIncidents", attribution.wrongIncidents());
        m.put("observableViolations", incidents.observableViolations());
        m.put("matchedObservableViolations", incidents.matchedObservableViolations());
        m.put("incidents", incidents.incidents());
        m.put("falseIncidents", incidents.falseIncidents());
        return m;
    }

    /** Several runs pooled: counts summed and every ratio recomputed over the pooled counts. */
    public static Accuracy pooled(List<Accuracy> runs) {
        if (runs.isEmpty()) throw new IllegalArgumentException("nothing to pool: no runs");
        return new Accuracy(pooledIncidents(runs.stream().map(Accuracy::incidents).toList()),
                TrackScore.pooled(runs.stream().map(Accuracy::tracks).toList()),
                pooledByRole(runs),
                VisitScore.pooled(runs.stream().map(Accuracy::visits).toList()),
                LocationScore.pooled(runs.stream().map(Accuracy::location).toList()),
                AttributionScore.pooled(runs.stream().map(Accuracy::attribution).toList()),
                IncidentLocationScore.pooled(runs.stream().map(Accuracy::incidentLocation).toList()));
    }

    private static Map<String, TrackScore> pooledByRole(List<Accuracy> runs) {
        Map<String, List<TrackScore>> byRole = new java.util.TreeMap<>();
        for (Accuracy a : runs) {
            a.tracksByRole().forEach((role, t) -> byRole.computeIfAbsent(role, k -> new java.util.ArrayList<>()).add(t));
        }
        Map<String, TrackScore> out = new java.util.TreeMap<>();
        byRole.forEach((role, l) -> out.put(role, TrackScore.pooled(l)));
        return out;
    }

    private static Evaluation pooledIncidents(List<Evaluation> runs) {
        int violations = 0, observable = 0, unobservable = 0, matchedObs = 0, matchedUnobs = 0, incidents = 0,
                matchedInc = 0, falseInc = 0;
        long duration = 0;
        List<String> missed = new java.util.ArrayList<>(), falseIds = new java.util.ArrayList<>();
        Map<String, RuleTypeScore> byType = new java.util.TreeMap<>();
        for (Evaluation e : runs) {
            violations += e.violations();
            observable += e.observableViolations();
            unobservable += e.unobservableViolations();
            matchedObs += e.matchedObservableViolations();
            matchedUnobs += e.matchedUnobservableViolations();
            incidents += e.incidents();
            matchedInc += e.matchedIncidents();
            falseInc += e.falseIncidents();
            duration += e.durationSeconds();
            for (String v : e.missedViolations()) missed.add("seed " + e.seed() + " " + v);
            for (String v : e.falseIncidentIds()) falseIds.add("seed " + e.seed() + " " + v);
            e.byRuleType().forEach((k, v) -> byType.merge(k, v, RuleTypeScore::plus));
        }
        Evaluation first = runs.getFirst();
        return new Evaluation(first.seed(), first.start(), duration, violations, observable, unobservable, matchedObs,
                matchedUnobs, incidents, matchedInc, falseInc, observable == 0 ? 1.0 : (double) matchedObs / observable,
                incidents == 0 ? 1.0 : (double) matchedInc / incidents, byType, missed, falseIds);
    }
}
