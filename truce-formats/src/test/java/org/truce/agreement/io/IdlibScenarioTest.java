package org.truce.agreement.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.truce.agreement.Agreement;
import org.truce.ground.PartyId;
import org.truce.ground.ProvisionId;
import org.truce.agreement.RuleSpec;
import org.truce.ground.ZoneId;
import org.truce.geo.GeoPoint;
import org.truce.geo.LocalProjection;
import org.truce.testing.TestAgreements;

/** A second, different agreement (patrols, UTM 37N) loads with the same model: the model is general. */
class IdlibScenarioTest {
    private static final Agreement A = TestAgreements.idlib();

    @Test
    void loadsWithItsOwnPartiesProjectionAndDates() {
        assertThat(A.effective()).isEqualTo(Instant.parse("2020-03-05T22:01:00Z"));
        assertThat(A.projection()).contains("+zone=37");
        assertThat(A.parties()).extracting(p -> p.id().value()).containsExactly("SY", "OPP", "RU-MP", "TR-AF");
        assertThat(A.contingents()).extracting(c -> c.id().value()).containsExactly("RU", "TR");
        assertThat(A.provisions()).extracting(p -> p.id().value()).containsExactly("¶1", "¶2", "¶3");
        var patrols = A.provision(ProvisionId.of("¶3")).orElseThrow();
        assertThat(patrols.versionAt(Instant.parse("2020-03-10T00:00:00Z"))).isEmpty();
        assertThat(patrols.versionAt(Instant.parse("2020-03-15T06:00:00Z")).orElseThrow().rules()).hasSize(2);
        var corridor = (RuleSpec.CorridorControl) A.provision(ProvisionId.of("¶2")).orElseThrow().versions().get(0).rules().get(0);
        assertThat(corridor.allowedParties()).containsExactlyInAnyOrder(PartyId.of("RU-MP"), PartyId.of("TR-AF"));
    }

    @Test
    void corridorReachesSixKilometresEachSideOfTheM4() {
        var corridor = A.zone(ZoneId.of("m4-corridor")).orElseThrow().geometry();
        var gf = new GeometryFactory();
        LocalProjection utm37 = new LocalProjection(A.projection());
        GeoPoint ariha = GeoPoint.of(35.813, 36.610);
        var local = utm37.toLocal(ariha);
        GeoPoint north5 = utm37.toGeo(new Coordinate(local.x, local.y + 5000));
        GeoPoint north7 = utm37.toGeo(new Coordinate(local.x, local.y + 7000));
        assertThat(corridor.covers(gf.createPoint(new Coordinate(north5.lon(), north5.lat())))).isTrue();
        assertThat(corridor.covers(gf.createPoint(new Coordinate(north7.lon(), north7.lat())))).isFalse();
        assertThat(A.zone(ZoneId.of("theater")).orElseThrow().geometry().covers(corridor)).isTrue();
    }
}
