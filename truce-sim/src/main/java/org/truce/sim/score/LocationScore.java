package org.truce.sim.score;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.locationtech.jts.geom.Coordinate;
import org.truce.fusion.locate.Cue;
import org.truce.fusion.locate.EventLocator;
import org.truce.fusion.locate.FireCues;
import org.truce.fusion.locate.LocationAccuracy;
import org.truce.fusion.locate.LocationResult;
import org.truce.ground.uncertainty.Covariance2;
import org.truce.geo.LocalProjection;
import org.truce.sim.truth.FireEvent;
import org.truce.sim.truth.ObservationOrigin;

/**
 * How well the fusion locator places the true fire events from the cues the center accepted. Immutable; pools over
 * runs ({@link #pooled}).
 *
 * <p>Method: the accepted cues are grouped by the true event they report (one shot's launch or impact: the
 * simulator's truth, so grouping errors are left out and the locator alone is judged), turned into cues with
 * {@link FireCues#sighting} in the agreement's local projection and located with {@link EventLocator#locate}. Each
 * located event is compared with the true position: RMS radial error over the RMS of the Cramér–Rao bound
 * ({@link EventLocator#crlb}) of the same cues at the truth, and the share of true positions inside the located
 * 95 % ellipse ({@link LocationAccuracy}). Events whose bound does not exist at the truth (no information in some
 * direction) are counted in {@code noBound} and left out of the ratios.
 *
 * @param events          true fire events (launches and impacts)
 * @param cuedEvents      of those, with at least one accepted cue
 * @param locatedEvents   of those, located (and scored)
 * @param noBound         located, but the bound at the truth does not exist
 * @param rejected        cued events not located, by the locator's reason
 * @param rmsErrorM       RMS radial error of the located events, m (NaN when none)
 * @param crlbRmsM        RMS of the bound, m (NaN when none)
 * @param rmsOverCrlb     {@code rmsErrorM / crlbRmsM}
 * @param ellipse95Coverage share of located events whose 95 % ellipse holds the truth
 */
public record LocationScore(int events, int cuedEvents, int locatedEvents, int noBound, Map<String, Integer> rejected,
                            double rmsErrorM, double crlbRmsM, double rmsOverCrlb, double ellipse95Coverage) {
    public LocationScore {
        rejected = java.util.Collections.unmodifiableMap(new TreeMap<>(rejected));
    }

    /**
     * @param fires      the true fire events
     * @param cues       the accepted cues by the true event they report
     * @param projection the local metric frame to locate in
     */
    public static LocationScore score(List<FireEvent> fires, Map<ObservationOrigin.OfFire, List<AcceptedCue>> cues,
                                      LocalProjection projection, EventLocator locator) {
        LocationAccuracy acc = new LocationAccuracy();
        Map<String, Integer> rejected = new TreeMap<>();
        int cued = 0, noBound = 0;
        for (FireEvent f : fires) {
            List<Cue> sightings = new ArrayList<>();
            for (var e : cues.entrySet()) {
                if (!e.getKey().reports(f)) continue;
                for (AcceptedCue c : e.getValue()) {
                    FireCues.sighting(c.id(), c.cue(), projection).ifPresent(sightings::add);
                }
            }
            if (sightings.isEmpty()) continue;
            cued++;
            switch (locator.locate(sightings)) {
                case LocationResult.Rejected r -> rejected.merge(r.reason().name(), 1, Integer::sum);
                case LocationResult.Located l -> {
                    Coordinate truth = projection.toLocal(f.position());
                    Optional<Covariance2> bound = bound(locator, sightings, truth);
                    if (bound.isEmpty()) noBound++;
                    else acc.add(l.event(), truth.x, truth.y, bound.get());
                }
            }
        }
        int located = acc.count();
        return new LocationScore(fires.size(), cued, located, noBound, rejected, acc.rmsErrorM(),
                acc.crlbRmsM(), located == 0 ? Double.NaN : acc.efficiencyRatio(), acc.ellipseCoverage());
    }

    private static Optional<Covariance2> bound(EventLocator locator, List<Cue> cues, Coordinate truth) {
        try {
            return Optional.of(locator.crlb(cues, truth.x, truth.y));
        } catch (IllegalArgumentException noInformation) {
            return Optional.empty();
        }
    }


    /** Scores of several runs pooled: events summed, RMS values and coverage recomputed over all located events. */
    public static LocationScore pooled(List<LocationScore> runs) {
        int events = 0, cued = 0, located = 0, noBound = 0;
        double sq = 0, bound = 0, in = 0;
        Map<String, Integer> rejected = new TreeMap<>();
        for (LocationScore s : runs) {
            events += s.events;
            cued += s.cuedEvents;
            noBound += s.noBound;
            s.rejected.forEach((k, v) -> rejected.merge(k, v, Integer::sum));
            if (s.locatedEvents == 0) continue;
            located += s.locatedEvents;
            sq += s.locatedEvents * s.rmsErrorM * s.rmsErrorM;
            bound += s.locatedEvents * s.crlbRmsM * s.crlbRmsM;
            in += s.locatedEvents * s.ellipse95Coverage;
        }
        if (located == 0) {
            return new LocationScore(events, cued, 0, noBound, rejected, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double rms = Math.sqrt(sq / located), crlb = Math.sqrt(bound / located);
        return new LocationScore(events, cued, located, noBound, rejected, rms, crlb, rms / crlb, in / located);
    }
}
