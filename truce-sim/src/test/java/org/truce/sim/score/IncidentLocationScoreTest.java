package org.truce.sim.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.truce.ground.PartyId;
import org.truce.ground.ProvisionId;
import org.truce.ground.RuleId;
import org.truce.ground.ZoneId;
import org.truce.fusion.locate.EventLocator;
import org.truce.fusion.locate.LocatorConfig;
import org.truce.ground.uncertainty.Covariance2;
import org.truce.ground.uncertainty.ErrorEllipse;
import org.truce.geo.GeoPoint;
import org.truce.geo.LocalProjection;
import org.truce.rules.FireLocation;
import org.truce.rules.Incident;
import org.truce.rules.IncidentState;
import org.truce.ground.AssetId;
import org.truce.sensing.FireKind;
import org.truce.sensing.Observation;
import org.truce.sim.truth.FireEvent;
import org.truce.sim.truth.ObservationOrigin;

class IncidentLocationScoreTest {
    private static final Instant T = Instant.parse("2020-11-19T12:00:00Z");
    private static final LocalProjection PROJ = LocalProjection.utm38n();
    private static final double X0 = 600_000, Y0 = 4_420_000;
    private final Map<ObservationOrigin.OfFire, List<AcceptedCue>> cues = new LinkedHashMap<>();

    private static GeoPoint at(double x, double y) {
        return PROJ.toGeo(new Coordinate(x, y));
    }

    private void fix(FireEvent e, String id, double x, double y) {
        cues.computeIfAbsent(new ObservationOrigin.OfFire(e.violation(), e.kind(), e.time()), k -> new ArrayList<>())
                .add(new AcceptedCue(id, new Observation.FireCue(AssetId.of("RU-CAM-01"), e.time(), e.kind(),
                        Optional.of(at(x, y)), 100, Optional.empty(), 0, 0, 0, Optional.empty())));
    }

    /** A cease-fire incident showing a located event at (x, y) with a circular 95 % ellipse of radius r. */
    private static Incident incident(String id, double x, double y, double r, List<String> evidence) {
        ErrorEllipse e = new ErrorEllipse(r, r, 0, 0.95);
        FireLocation f = new FireLocation(FireLocation.Method.LOCATED, FireKind.LAUNCH, at(x, y), Optional.of(e), r,
                evidence.size(), Map.of("fix", evidence.size()), evidence, 1, Optional.empty(), Optional.empty());
        return new Incident(id, ProvisionId.of("¶1"), 1, RuleId.of("p1-ceasefire"), "cease-fire", ZoneId.of("theater"),
                T, T, at(x, y), r, Optional.empty(), 0, "fire:" + evidence.getFirst(), "fire", IncidentState.OPEN,
                evidence, Optional.of(f));
    }

    @Test
    void scoresTheIncidentsShownEventsAgainstTheTrueEventTheirCuesReport() {
        FireEvent a = new FireEvent(T, FireKind.LAUNCH, at(X0, Y0), PartyId.of("AZ"), "FIRE-1");
        fix(a, "OBS-1", X0 + 100, Y0);
        fix(a, "OBS-2", X0 - 100, Y0);
        FireEvent b = new FireEvent(T.plusSeconds(20), FireKind.IMPACT, at(X0 + 5_000, Y0), PartyId.of("AZ"), "FIRE-1");
        fix(b, "OBS-3", X0 + 5_000, Y0);
        List<Incident> incidents = List.of(
                incident("INC-1", X0 + 30, Y0, 200, List.of("OBS-1", "OBS-2")),     // 30 m off, inside its ellipse
                incident("INC-2", X0 + 5_400, Y0, 200, List.of("OBS-3")),           // 400 m off, outside
                incident("INC-3", X0, Y0 + 9_000, 200, List.of("OBS-99")));         // no true event behind

        IncidentLocationScore s = IncidentLocationScore.score(List.of(a, b), cues, incidents, PROJ,
                new EventLocator(LocatorConfig.defaults()));

        assertThat(s.locatedIncidents()).isEqualTo(3);
        assertThat(s.noTruth()).isEqualTo(1);
        assertThat(s.scored()).isEqualTo(2);
        assertThat(s.ellipse95Coverage()).isEqualTo(0.5);
        // The projection's scale factor near the zone's edge stretches metres by a few parts in ten thousand.
        assertThat(s.rmsErrorM()).isCloseTo(Math.sqrt((30.0 * 30 + 400.0 * 400) / 2), within(1.0));
        double trace = Covariance2.fromCep(100).trace();
        assertThat(s.crlbRmsM()).isCloseTo(Math.sqrt((trace / 2 + trace) / 2), within(0.5));
        assertThat(IncidentLocationScore.pooled(List.of(s, s)).ellipse95Coverage()).isEqualTo(0.5);
    }

    @Test
    void theEllipseIsReadWithItsTrueNorthOrientation() {
        // 500 m by 50 m, long axis at true azimuth 90° (east); grid north is 1° west of true north here.
        ErrorEllipse e = new ErrorEllipse(500, 50, 90, 0.95);
        Coordinate at = new Coordinate(0, 0);
        assertThat(IncidentLocationScore.holds(e, at, new Coordinate(450, 0), -1)).isTrue();
        assertThat(IncidentLocationScore.holds(e, at, new Coordinate(0, 60), -1)).isFalse();
        // 450 m along true east is 7.9 m north of grid east: still inside; 20 m beyond that is not.
        double up = 450 * Math.sin(Math.toRadians(1));
        assertThat(IncidentLocationScore.holds(e, at, new Coordinate(450, up), -1)).isTrue();
        assertThat(IncidentLocationScore.holds(e, at, new Coordinate(450, up - 30), -1)).isFalse();
    }
}
