package org.truce.sim.score;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.locationtech.jts.geom.Coordinate;
import org.truce.fusion.locate.Cue;
import org.truce.fusion.locate.EventLocator;
import org.truce.fusion.locate.FireCues;
import org.truce.ground.uncertainty.Covariance2;
import org.truce.ground.uncertainty.ErrorEllipse;
import org.truce.geo.LocalProjection;
import org.truce.rules.FireLocation;
import org.truce.rules.Incident;
import org.truce.sim.truth.FireEvent;
import org.truce.sim.truth.ObservationOrigin;

/**
 * How well the center's own cease-fire incidents place their fire events: the pipeline's grouping
 * ({@code CueGrouper}) and solving ({@code EventLocator}) judged together, unlike {@link LocationScore}, which
 * groups cues by the truth. Immutable; pools over runs ({@link #pooled}).
 *
 * <p>Method: each cease-fire incident (latest version) whose event was {@link FireLocation.Method#LOCATED} is
 * joined to the true launch or impact that most of its shown event's cues ({@link FireLocation#evidence()}) report
 * (ties: the earliest cue's). Its position is compared with that truth: RMS radial error, the RMS of the
 * Cramér–Rao bound of the same cues at the truth ({@link EventLocator#crlb}), and whether the published 95 % ellipse
 * (axes and true-north orientation, as a client reads them) holds the truth.
 *
 * @param locatedIncidents incidents whose event was located by the solver
 * @param scored           of those, joined to a true event and with a bound at the truth
 * @param noTruth          located, but their cues report no true event (false alarms)
 */
public record IncidentLocationScore(int locatedIncidents, int scored, int noTruth, double rmsErrorM, double crlbRmsM,
                                    double rmsOverCrlb, double ellipse95Coverage) {

    public static IncidentLocationScore score(List<FireEvent> fires,
                                              Map<ObservationOrigin.OfFire, List<AcceptedCue>> cues,
                                              List<Incident> incidents, LocalProjection projection,
                                              EventLocator locator) {
        Map<String, ObservationOrigin.OfFire> origin = new HashMap<>();
        Map<String, AcceptedCue> accepted = new HashMap<>();
        cues.forEach((o, list) -> list.forEach(c -> {
            origin.put(c.id(), o);
            accepted.put(c.id(), c);
        }));
        Map<String, Incident> latest = new LinkedHashMap<>();
        for (Incident i : incidents) latest.merge(i.id(), i, (a, b) -> b.end().isBefore(a.end()) ? a : b);
        int located = 0, scored = 0, noTruth = 0, inside = 0;
        double sq = 0, bound = 0;
        for (Incident i : latest.values()) {
            if (i.fire().isEmpty() || i.fire().get().method() != FireLocation.Method.LOCATED) continue;
            FireLocation f = i.fire().get();
            located++;
            Optional<FireEvent> truth = truthOf(f.evidence(), origin, fires);
            if (truth.isEmpty()) {
                noTruth++;
                continue;
            }
            List<Cue> shown = new ArrayList<>();
            for (String id : f.evidence()) {
                AcceptedCue c = accepted.get(id);
                if (c != null) FireCues.sighting(id, c.cue(), projection).ifPresent(shown::add);
            }
            Coordinate t = projection.toLocal(truth.get().position());
            Covariance2 crlb;
            try {
                crlb = locator.crlb(shown, t.x, t.y);
            } catch (IllegalArgumentException noInformation) {
                continue;
            }
            Coordinate e = projection.toLocal(f.position());
            scored++;
            sq += t.distance(e) * t.distance(e);
            bound += crlb.trace();
            if (holds(f.ellipse95().orElseThrow(), e, t, projection.convergenceDeg(f.position()))) inside++;
        }
        if (scored == 0) return new IncidentLocationScore(located, 0, noTruth, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        double rms = Math.sqrt(sq / scored), crlbRms = Math.sqrt(bound / scored);
        return new IncidentLocationScore(located, scored, noTruth, rms, crlbRms, rms / crlbRms, (double) inside / scored);
    }

    /** The true event most of the cues report; ties go to the earliest cue's. */
    private static Optional<FireEvent> truthOf(List<String> evidence, Map<String, ObservationOrigin.OfFire> origin,
                                               List<FireEvent> fires) {
        Map<ObservationOrigin.OfFire, Integer> votes = new LinkedHashMap<>();
        for (String id : evidence) {
            ObservationOrigin.OfFire o = origin.get(id);
            if (o != null) votes.merge(o, 1, Integer::sum);
        }
        ObservationOrigin.OfFire best = null;
        for (var v : votes.entrySet()) if (best == null || v.getValue() > votes.get(best)) best = v.getKey();
        if (best == null) return Optional.empty();
        ObservationOrigin.OfFire o = best;
        return fires.stream().filter(o::reports).findFirst();
    }

    /**
     * Whether the published ellipse (orientation from true north) around {@code at} holds {@code truth}, both in the
     * grid frame, where true north lies {@code convergenceDeg} clockwise of grid north.
     */
    static boolean holds(ErrorEllipse e, Coordinate at, Coordinate truth, double convergenceDeg) {
        double az = Math.toRadians(e.orientationDeg() + convergenceDeg);
        double dx = truth.x - at.x, dy = truth.y - at.y;
        double along = dx * Math.sin(az) + dy * Math.cos(az);
        double across = dx * Math.cos(az) - dy * Math.sin(az);
        if (e.semiMinorM() == 0) return across == 0 && Math.abs(along) <= e.semiMajorM();
        return sq(along / e.semiMajorM()) + sq(across / e.semiMinorM()) <= 1;
    }

    private static double sq(double v) {
        return v * v;
    }

    /** Several runs pooled: counts summed, RMS values and coverage recomputed over all scored incidents. */
    public static IncidentLocationScore pooled(List<IncidentLocationScore> runs) {
        int located = 0, scored = 0, noTruth = 0;
        double sq = 0, bound = 0, in = 0;
        for (IncidentLocationScore s : runs) {
            located += s.locatedIncidents;
            noTruth += s.noTruth;
            if (s.scored == 0) continue;
            scored += s.scored;
            sq += s.scored * s.rmsErrorM * s.rmsErrorM;
            bound += s.scored * s.crlbRmsM * s.crlbRmsM;
            in += s.scored * s.ellipse95Coverage;
        }
        if (scored == 0) return new IncidentLocationScore(located, 0, noTruth, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        double rms = Math.sqrt(sq / scored), crlb = Math.sqrt(bound / scored);
        return new IncidentLocationScore(located, scored, noTruth, rms, crlb, rms / crlb, in / scored);
    }
}
