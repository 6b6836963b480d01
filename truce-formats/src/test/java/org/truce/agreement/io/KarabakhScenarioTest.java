package org.truce.agreement.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.truce.agreement.Agreement;
import org.truce.ground.ContingentId;
import org.truce.agreement.Party;
import org.truce.ground.PartyId;
import org.truce.agreement.PartyRole;
import org.truce.agreement.Provision;
import org.truce.ground.ProvisionId;
import org.truce.agreement.RuleSpec;
import org.truce.agreement.Signatory;
import org.truce.agreement.Zone;
import org.truce.ground.ZoneId;
import org.truce.agreement.ZoneRole;
import org.truce.geo.GeoPoint;
import org.truce.geo.LocalProjection;
import org.truce.ground.AssetKind;
import org.truce.testing.TestAgreements;

/** The shipped Karabakh 2020 scenario loads with the fixed names every module relies on, and its zones make sense. */
class KarabakhScenarioTest {
    private static final Agreement A = TestAgreements.karabakh();
    private static final LocalProjection UTM = LocalProjection.utm38n();
    private static final GeometryFactory GF = new GeometryFactory();

    private static Zone zone(String id) {
        return A.zone(ZoneId.of(id)).orElseThrow(() -> new AssertionError("no zone " + id));
    }

    private static boolean inZone(String id, double lat, double lon) {
        return zone(id).geometry().covers(GF.createPoint(new Coordinate(lon, lat)));
    }

    private static Provision provision(String id) {
        return A.provision(ProvisionId.of(id)).orElseThrow(() -> new AssertionError("no provision " + id));
    }

    private static RuleSpec rule(String provision, Instant at, String ruleId) {
        return provision(provision).versionAt(at).orElseThrow().rules().stream()
                .filter(r -> r.id().value().equals(ruleId)).findFirst().orElseThrow();
    }

    private static double areaM2(String id) {
        return UTM.toLocal(zone(id).geometry()).getArea();
    }

    @Test
    void header() {
        assertThat(A.id()).isEqualTo("karabakh-2020");
        assertThat(A.effective()).isEqualTo(Instant.parse("2020-11-09T21:00:00Z"));
        assertThat(A.projection()).contains("+proj=utm").contains("+zone=38");
        assertThat(A.parties()).extracting(Party::id, Party::role).containsExactly(
                org.assertj.core.groups.Tuple.tuple(PartyId.of("AM"), PartyRole.BELLIGERENT),
                org.assertj.core.groups.Tuple.tuple(PartyId.of("AZ"), PartyRole.BELLIGERENT),
                org.assertj.core.groups.Tuple.tuple(PartyId.of("RU-PK"), PartyRole.PEACEKEEPER));
        assertThat(A.signatories()).extracting(Signatory::name)
                .containsExactly("Ilham Aliyev", "Nikol Pashinyan", "Vladimir Putin");
        assertThat(A.contingent(ContingentId.of("RU")).orElseThrow().language()).isEqualTo("ru");
        assertThat(A.contingent(ContingentId.of("TR")).orElseThrow().language()).isEqualTo("tr");
        assertThat(A.contingents()).hasSize(2);
        assertThat(A.parity().maxStaffDifference()).isZero();
        assertThat(A.parity().maxStaffPerContingent()).isEqualTo(60);
        assertThat(A.parity().assessmentsRequired()).isTrue();
        assertThat(A.parity().findingNeedsAllHeads()).isTrue();
    }

    @Test
    void zonesHaveTheFixedNamesAndRoles() {
        Map<String, ZoneRole> expected = Map.ofEntries(
                Map.entry("theater", ZoneRole.THEATER), Map.entry("am-held", ZoneRole.HELD_AREA),
                Map.entry("pk-zone", ZoneRole.PEACEKEEPING_ZONE), Map.entry("lachin-corridor", ZoneRole.CORRIDOR),
                Map.entry("aghdam-handover", ZoneRole.HANDOVER_DISTRICT),
                Map.entry("kalbajar-handover", ZoneRole.HANDOVER_DISTRICT),
                Map.entry("lachin-handover", ZoneRole.HANDOVER_DISTRICT),
                Map.entry("center-premises", ZoneRole.PREMISES),
                Map.entry("airspace-ru", ZoneRole.AIRSPACE), Map.entry("airspace-tr", ZoneRole.AIRSPACE));
        expected.forEach((id, role) -> assertThat(zone(id).role()).as(id).isEqualTo(role));
        assertThat(zone("am-held").heldBy()).contains(PartyId.of("AM"));
        assertThat(A.zones().values()).filteredOn(z -> z.role() == ZoneRole.REFERENCE)
                .extracting(z -> z.id().value()).contains("district-aghdam", "district-kalbajar", "district-lachin", "armenia");
    }

    @Test
    void everyZoneIsValidAndCarriesTheCaveat() {
        for (Zone z : A.zones().values()) {
            assertThat(z.geometry().isValid()).as(z.id().value()).isTrue();
            assertThat(z.geometry().isEmpty()).as(z.id().value()).isFalse();
            assertThat(z.caveat()).as(z.id().value()).contains("No official line of contact was ever published");
            assertThat(z.source()).as(z.id().value()).isNotBlank();
        }
    }

    @Test
    void theaterCoversTheAgreementsZones() {
        Geometry theater = zone("theater").geometry();
        A.zones().values().stream().filter(z -> z.role() != ZoneRole.REFERENCE && z.role() != ZoneRole.THEATER)
                .forEach(z -> assertThat(theater.covers(z.geometry())).as(z.id().value()).isTrue());
    }

    @Test
    void centerPremisesAtMerziliInsideBothAirspaces() {
        assertThat(inZone("center-premises", 39.9325, 47.0617)).isTrue();
        assertThat(inZone("airspace-ru", 39.9325, 47.0617)).isTrue();
        assertThat(inZone("airspace-tr", 39.9325, 47.0617)).isTrue();
        assertThat(areaM2("center-premises")).isCloseTo(40_000, within(400.0));
        assertThat(zone("airspace-ru").geometry().covers(zone("center-premises").geometry())).isTrue();
    }

    @Test
    void shushaIsNotInTheCorridor() {
        assertThat(inZone("lachin-corridor", 39.7583, 46.7483)).isFalse();
        Geometry corridor = UTM.toLocal(zone("lachin-corridor").geometry());
        assertThat(corridor.distance(GF.createPoint(UTM.toLocal(GeoPoint.of(39.7583, 46.7483))))).isGreaterThan(1000);
    }

    @Test
    void corridorIsFiveKilometresWide() {
        Geometry centreline = GF.createLineString(new Coordinate[] {
                new Coordinate(46.752, 39.815), new Coordinate(46.70, 39.78), new Coordinate(46.66, 39.73),
                new Coordinate(46.60, 39.68), new Coordinate(46.55, 39.64), new Coordinate(46.47, 39.61),
                new Coordinate(46.42, 39.575)});
        double length = UTM.toLocal(centreline).getLength();
        // a buffer of 2.5 km each side: about length × 5 km, plus round ends, minus overlap at the bends
        assertThat(areaM2("lachin-corridor")).isBetween(length * 5000 * 0.97, length * 5000 + Math.PI * 2500 * 2500);
        assertThat(inZone("lachin-corridor", 39.6408, 46.5469)).as("Lachin town").isTrue();
        assertThat(inZone("lachin-handover", 39.6408, 46.5469)).as("Lachin town is not handed over").isFalse();
    }

    @Test
    void placesFallWhereTheTextPutsThem() {
        assertThat(inZone("am-held", 39.8153, 46.7519)).as("Stepanakert").isTrue();
        assertThat(inZone("pk-zone", 39.8153, 46.7519)).as("Stepanakert").isTrue();
        assertThat(inZone("am-held", 39.7583, 46.7483)).as("Shusha").isFalse();
        assertThat(inZone("aghdam-handover", 39.9931, 46.9306)).as("Aghdam town").isTrue();
        assertThat(inZone("kalbajar-handover", 40.1067, 46.0383)).as("Kalbajar town").isTrue();
        assertThat(inZone("airspace-ru", 39.8153, 46.7519)).as("no drones over Stepanakert").isFalse();
        double overlap = UTM.toLocal(zone("airspace-ru").geometry().intersection(zone("am-held").geometry())).getArea();
        // edges straight in metres and straight in degrees differ by centimetres: allow a sliver, not an overlap
        assertThat(overlap).as("airspace is on the Azerbaijani-held side").isLessThan(areaM2("airspace-ru") * 1e-4);
        // pk-zone is am-held grown by 2 km
        assertThat(areaM2("pk-zone")).isGreaterThan(areaM2("am-held"));
        assertThat(zone("pk-zone").geometry().covers(zone("am-held").geometry())).isTrue();
    }

    @Test
    void provisionsAreAllNineParagraphsAndTheMemorandum() {
        assertThat(A.provisions()).extracting(p -> p.id().value())
                .containsExactly("¶1", "¶2", "¶3", "¶4", "¶5", "¶6", "¶7", "¶8", "¶9", "JMC-1", "JMC-2");
        for (String tracked : new String[] {"¶4", "¶5", "¶7", "¶8", "¶9"}) {
            assertThat(provision(tracked).tracked()).as(tracked).isTrue();
            assertThat(provision(tracked).versions()).allSatisfy(v -> assertThat(v.rules()).isEmpty());
        }
        assertThat(provision("¶4").versions().get(0).validTo()).contains(Instant.parse("2025-11-09T21:00:00Z"));
    }

    @Test
    void ceasefireAndPositions() {
        Instant t = Instant.parse("2020-11-10T12:00:00Z");
        var cf = (RuleSpec.CeaseFire) rule("¶1", t, "p1-ceasefire");
        assertThat(cf.theater()).isEqualTo(ZoneId.of("theater"));
        assertThat(cf.from()).isEqualTo(Instant.parse("2020-11-09T21:00:00Z"));
        var hold = (RuleSpec.HoldPositions) rule("¶1", t, "p1-hold-positions");
        assertThat(hold.heldArea()).isEqualTo(ZoneId.of("am-held"));
        assertThat(hold.insideParty()).isEqualTo(PartyId.of("AM"));
        assertThat(hold.outsideParty()).isEqualTo(PartyId.of("AZ"));
        assertThat(hold.exceptIn()).extracting(ZoneId::value).containsExactly("aghdam-handover", "kalbajar-handover",
                "lachin-handover", "lachin-corridor", "armenia");
        var aghdam = (RuleSpec.WithdrawBy) rule("¶2", t, "p2-aghdam");
        assertThat(aghdam.deadline()).isEqualTo(Instant.parse("2020-11-19T21:00:00Z"));
        assertThat(aghdam.parties()).containsExactly(PartyId.of("AM"));
        var cap = (RuleSpec.ForceCap) rule("¶3", t, "p3-force-cap");
        assertThat(cap.party()).isEqualTo(PartyId.of("RU-PK"));
        assertThat(cap.allowedZones()).containsExactly(ZoneId.of("pk-zone"), ZoneId.of("lachin-corridor"));
        assertThat(cap.caps()).isEqualTo(Map.of("PERSONNEL", 1960, "APC", 90, "VEHICLES", 380));
        assertThat(cap.windowSeconds()).isEqualTo(600);
    }

    @Test
    void kalbajarDeadlineBeforeAndAfterTheAmendment() {
        Provision p6 = provision("¶6");
        assertThat(p6.versions()).hasSize(2);
        Instant before = Instant.parse("2020-11-13T12:00:00Z");
        Instant after = Instant.parse("2020-11-16T12:00:00Z");
        assertThat(p6.versionAt(before).orElseThrow().version()).isEqualTo(1);
        assertThat(p6.versionAt(after).orElseThrow().version()).isEqualTo(2);
        assertThat(((RuleSpec.WithdrawBy) rule("¶6", before, "p6-kalbajar")).deadline())
                .isEqualTo(Instant.parse("2020-11-14T21:00:00Z"));
        assertThat(((RuleSpec.WithdrawBy) rule("¶6", after, "p6-kalbajar")).deadline())
                .isEqualTo(Instant.parse("2020-11-24T21:00:00Z"));
        // exactly at the old deadline the amended version already applies
        assertThat(p6.versionAt(Instant.parse("2020-11-14T21:00:00Z")).orElseThrow().version()).isEqualTo(2);
        for (Instant t : new Instant[] {before, after}) {
            assertThat(((RuleSpec.WithdrawBy) rule("¶6", t, "p6-lachin")).deadline()).isEqualTo(Instant.parse("2020-11-30T21:00:00Z"));
            assertThat(((RuleSpec.CorridorControl) rule("¶6", t, "p6-corridor")).allowedParties()).containsExactly(PartyId.of("RU-PK"));
        }
        var v2 = p6.versions().get(1);
        assertThat(v2.adopted()).isEqualTo(java.time.LocalDate.of(2020, 11, 15));
        assertThat(v2.source()).contains("15 November 2020").contains("no new document");
        assertThat(p6.versionAt(Instant.parse("2020-11-09T20:59:59Z"))).isEqualTo(Optional.empty());
    }

    @Test
    void jointCenterMemorandum() {
        Instant t = Instant.parse("2020-11-14T12:00:00Z");
        var observers = (RuleSpec.RestrictedMovement) provision("JMC-1").versionAt(t).orElseThrow().rules().get(0);
        assertThat(observers.contingent()).isEqualTo(ContingentId.of("TR"));
        assertThat(observers.assetKinds()).isEqualTo(Set.of(AssetKind.STAFF_BEACON));
        assertThat(observers.allowedZones()).containsExactly(ZoneId.of("center-premises"));
        var ru = (RuleSpec.RestrictedMovement) rule("JMC-2", t, "jmc2-ru-drones");
        var tr = (RuleSpec.RestrictedMovement) rule("JMC-2", t, "jmc2-tr-drones");
        assertThat(ru.contingent()).isEqualTo(ContingentId.of("RU"));
        assertThat(ru.allowedZones()).containsExactly(ZoneId.of("airspace-ru"));
        assertThat(tr.contingent()).isEqualTo(ContingentId.of("TR"));
        assertThat(tr.allowedZones()).containsExactly(ZoneId.of("airspace-tr"));
        assertThat(ru.assetKinds()).isEqualTo(Set.of(AssetKind.DRONE));
    }
}
