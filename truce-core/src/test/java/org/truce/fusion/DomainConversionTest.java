package org.truce.fusion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.truce.ground.PartyId;
import org.truce.fusion.coverage.Look;
import org.truce.fusion.locate.Cue;
import org.truce.fusion.locate.FireCues;
import org.truce.fusion.tracking.MultiSensorTracker;
import org.truce.fusion.tracking.LocalDetection;
import org.truce.geo.GeoPoint;
import org.truce.geo.LocalProjection;
import org.truce.ground.AssetId;
import org.truce.sensing.FireKind;
import org.truce.ground.ObjectClass;
import org.truce.sensing.Observation;

/** The bridges between the domain's observations and tracks (WGS 84) and the fusion math (local metres). */
class DomainConversionTest {
    private static final Instant T0 = Instant.parse("2020-11-14T08:00:00Z");
    private final LocalProjection utm = LocalProjection.utm38n();
    private final GeoPoint premises = GeoPoint.of(39.9325, 47.0617);

    @Test
    void detectionsBecomeTracksAndComeBackAsDomainTracks() {
        MultiSensorTracker tracker = new MultiSensorTracker(utm, TrackerConfig.defaults());
        Coordinate start = utm.toLocal(premises);
        Track track = null;
        for (int k = 0; k < 4; k++) {
            GeoPoint p = utm.toGeo(new Coordinate(start.x + 10 * k, start.y));
            var d = new Observation.Detection(new AssetId("RU-UAV-01"), T0.plusSeconds(k), p, 15, ObjectClass.TRUCK,
                    0.8, Optional.of(new PartyId("AZ")), 0.7, 2, Optional.empty());
            LocalDetection local = LocalDetection.from("OBS-" + (k + 1), d, utm);
            assertThat(local.covariance().sigmaM()).isCloseTo(15 / 1.1774, within(1e-3));
            tracker.advanceTo(d.time());
            track = tracker.update("OBS-" + (k + 1), d);
        }
        assertThat(track.id()).isEqualTo("TRK-1");
        assertThat(track.status()).isEqualTo(TrackStatus.CONFIRMED);
        assertThat(utm.distanceM(track.position(), utm.toGeo(new Coordinate(start.x + 30, start.y))))
                .isLessThan(15);
        assertThat(track.objectClass()).isEqualTo(ObjectClass.TRUCK);
        assertThat(track.side()).contains(new PartyId("AZ"));
        assertThat(track.size()).isEqualTo(2);
        assertThat(track.evidence()).containsExactly("OBS-1", "OBS-2", "OBS-3", "OBS-4");
    }

    @Test
    void fireCuesBecomeFixesBearingsOrArrivals() {
        var located = new Observation.FireCue(new AssetId("RU-CAM-01"), T0, FireKind.IMPACT, Optional.of(premises),
                40, Optional.empty(), 0, 0, 0, Optional.empty());
        assertThat(FireCues.sighting("OBS-1", located, utm)).get().isInstanceOfSatisfying(Cue.Fix.class,
                f -> assertThat(f.covariance().sigmaM()).isCloseTo(40 / 1.1774, within(1e-3)));
        var bearing = new Observation.FireCue(new AssetId("TR-OBS-01"), T0, FireKind.LAUNCH, Optional.empty(), 0,
                Optional.of(135.0), 5, 3000, 6000, Optional.of(premises));
        assertThat(FireCues.sighting("OBS-2", bearing, utm)).get().isInstanceOfSatisfying(Cue.Bearing.class, b -> {
            assertThat(b.range()).contains(new Cue.RangeBand(3000, 6000));
            assertThat(b.sigmaDeg()).isEqualTo(5);
        });
        var blind = new Observation.FireCue(new AssetId("TR-OBS-01"), T0, FireKind.LAUNCH, Optional.empty(), 0,
                Optional.of(135.0), 5, 0, 0, Optional.empty());
        assertThat(FireCues.sighting("OBS-3", blind, utm)).isEmpty();
        assertThat(FireCues.arrival("OBS-2", bearing, utm, 0.002)).get().isInstanceOf(Cue.Arrival.class);
    }

    @Test
    void footprintsBecomeLooksInMetres() {
        Coordinate c = utm.toLocal(premises);
        List<GeoPoint> ring = List.of(
                utm.toGeo(new Coordinate(c.x, c.y)), utm.toGeo(new Coordinate(c.x + 1000, c.y)),
                utm.toGeo(new Coordinate(c.x + 1000, c.y + 500)), utm.toGeo(new Coordinate(c.x, c.y + 500)),
                utm.toGeo(new Coordinate(c.x, c.y)));
        Look look = Look.from(new Observation.Footprint(new AssetId("RU-UAV-02"), T0, ring, 0.85), utm);
        assertThat(look.footprint().getArea()).isCloseTo(500_000, within(50.0));
        assertThat(look.asset()).isEqualTo("RU-UAV-02");
    }
}
