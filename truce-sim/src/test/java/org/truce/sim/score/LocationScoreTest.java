package org.truce.sim.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.truce.ground.PartyId;
import org.truce.fusion.locate.EventLocator;
import org.truce.fusion.locate.LocatorConfig;
import org.truce.ground.uncertainty.Covariance2;
import org.truce.geo.GeoPoint;
import org.truce.geo.LocalProjection;
import org.truce.ground.AssetId;
import org.truce.sensing.FireKind;
import org.truce.sensing.Observation;
import org.truce.sim.truth.FireEvent;
import org.truce.sim.truth.ObservationOrigin;

class LocationScoreTest {
    private static final Instant T = Instant.parse("2020-11-19T12:00:00Z");
    private static final LocalProjection PROJ = LocalProjection.utm38n();
    private static final double CEP = 100;
    private final Map<ObservationOrigin.OfFire, List<AcceptedCue>> cues = new LinkedHashMap<>();
    private int seq;

    private static GeoPoint at(double x, double y) {
        return PROJ.toGeo(new Coordinate(x, y));
    }

    private FireEvent event(String violation, FireKind kind, double x, double y) {
        return new FireEvent(T, kind, at(x, y), PartyId.of("AZ"), violation);
    }

    private void fix(FireEvent e, double x, double y) {
        Observation.FireCue c = new Observation.FireCue(AssetId.of("RU-CAM-01"), e.time(), e.kind(),
                Optional.of(at(x, y)), CEP, Optional.empty(), 0, 0, 0, Optional.of(at(x - 3000, y)));
        add(e, c);
    }

    private void add(FireEvent e, Observation.FireCue c) {
        cues.computeIfAbsent(new ObservationOrigin.OfFire(e.violation(), e.kind(), e.time()), k -> new java.util.ArrayList<>())
                .add(new AcceptedCue("OBS-" + ++seq, c));
    }

    @Test
    void locatesEachTrueEventFromItsOwnCuesAndComparesWithTheTruthAndTheBound() {
        double x0 = 600_000, y0 = 4_420_000;
        // A: two fixes 100 m either side of the truth -> located on the truth, inside its ellipse.
        FireEvent a = event("FIRE-1", FireKind.LAUNCH, x0, y0);
        fix(a, x0 + 100, y0);
        fix(a, x0 - 100, y0);
        // B: one fix 1 km off with a 100 m CEP -> located 1 km off, outside its ellipse.
        FireEvent b = event("FIRE-1", FireKind.IMPACT, x0 + 5000, y0);
        fix(b, x0 + 6000, y0);
        // C: a lone bearing cannot be located.
        FireEvent c = event("FIRE-2", FireKind.LAUNCH, x0, y0 + 8000);
        add(c, new Observation.FireCue(AssetId.of("RU-ACU-01"), T, FireKind.LAUNCH, Optional.empty(), 0,
                Optional.of(0.0), 2, 0, 0, Optional.of(at(x0, y0))));
        // D: heard by nobody.
        FireEvent d = event("FIRE-2", FireKind.IMPACT, x0, y0 + 16_000);

        LocationScore s = LocationScore.score(List.of(a, b, c, d), cues, PROJ, new EventLocator(LocatorConfig.defaults()));

        assertThat(s.events()).isEqualTo(4);
        assertThat(s.cuedEvents()).isEqualTo(3);
        assertThat(s.locatedEvents()).isEqualTo(2);
        assertThat(s.rejected()).containsOnlyKeys("TOO_FEW_CUES");
        assertThat(s.ellipse95Coverage()).isEqualTo(0.5);
        assertThat(s.rmsErrorM()).isCloseTo(Math.sqrt((0 + 1000.0 * 1000) / 2), within(1.0));
        double trace = Covariance2.fromCep(CEP).trace();
        double crlb = Math.sqrt((trace / 2 + trace) / 2);
        assertThat(s.crlbRmsM()).isCloseTo(crlb, within(0.5));
        assertThat(s.rmsOverCrlb()).isCloseTo(s.rmsErrorM() / crlb, within(0.01));

        LocationScore p = LocationScore.pooled(List.of(s, s));
        assertThat(p.locatedEvents()).isEqualTo(4);
        assertThat(p.rmsErrorM()).isCloseTo(s.rmsErrorM(), within(1e-9));
        assertThat(p.ellipse95Coverage()).isEqualTo(0.5);
        assertThat(p.rejected()).containsEntry("TOO_FEW_CUES", 2);
    }
}
