package org.truce.airspace;

import org.truce.codec.JsonEntryCodec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.truce.airspace.FlightPlanFixtures.*;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.truce.airspace.memory.InMemoryFlightPlanRepository;
import org.truce.cases.Principal;
import org.truce.cases.Refusal;
import org.truce.cases.Role;
import org.truce.codec.TruceJson;
import org.truce.geo.GeoPoint;
import org.truce.ledger.EntryCodec;
import org.truce.ledger.EntryKind;
import org.truce.ledger.FlightPlanLedgerRecorder;
import org.truce.ledger.Ledger;
import org.truce.ledger.memory.InMemoryLedgerStore;
import org.truce.sensing.Asset;
import org.truce.ground.AssetId;
import org.truce.time.SimulatedClock;

/** The flight-plan desk: who may file and cancel, what is refused, and what the transparency log gets. */
class FlightPlansTest {
    final SimulatedClock clock = new SimulatedClock(T0);
    final InMemoryLedgerStore ledgerStore = new InMemoryLedgerStore();
    final Ledger ledger = Ledger.open(ledgerStore, JsonEntryCodec.canonical());
    final List<Asset> assets = List.of(drone("RU-UAV-01", RU), drone("TR-UAV-01", TR), camera("RU-CAM-01", RU));
    final FlightPlans desk = new FlightPlans(new FlightPlanLedgerRecorder(ledger).recording(new InMemoryFlightPlanRepository()),
            id -> assets.stream().filter(a -> a.id().equals(id)).findFirst(), clock);
    final Principal ruAnalyst = Principal.staff("ru-analyst", Role.ANALYST, RU);
    final Principal trAnalyst = Principal.staff("tr-analyst", Role.ANALYST, TR);

    Filing filing(String asset) {
        return new Filing(AssetId.of(asset), ROUTE, T0.plusSeconds(3600), T0.plusSeconds(8 * 3600), 300, 1500,
                " patrol, sector north ", "");
    }

    @Test
    void staffOfTheOwnerFilesAndThePlanIsLogged() {
        FlightPlan p = desk.file(ruAnalyst, filing("RU-UAV-01"));
        assertThat(p.id()).isEqualTo(FlightPlanId.of("FP-2020-11-20-0001"));
        assertThat(p.contingent()).isEqualTo(RU);
        assertThat(p.filedBy()).isEqualTo("ru-analyst");
        assertThat(p.filed()).isEqualTo(T0);
        assertThat(p.purpose()).isEqualTo("patrol, sector north");
        assertThat(p.status()).isEqualTo(FlightPlanStatus.FILED);
        assertThat(desk.find(p.id())).contains(p);
        assertThat(ledger.size()).isEqualTo(1);
        var entry = JsonEntryCodec.canonical().decode(ledgerStore.entry(0).orElseThrow());
        assertThat(entry.kind()).isEqualTo(EntryKind.FLIGHT_PLAN);
        assertThat(JsonEntryCodec.canonical().payload(entry, FlightPlan.class)).isEqualTo(p);
        assertThat(JsonEntryCodec.json(entry).path("path").path("type").asText()).isEqualTo("LineString");
    }

    @Test
    void theOtherContingentAndNonStaffAreRefused() {
        for (Principal who : List.of(trAnalyst, Principal.liaison("am", org.truce.ground.PartyId.of("AM")),
                Principal.auditor("aud"), Principal.anonymous())) {
            assertThatThrownBy(() -> desk.file(who, filing("RU-UAV-01"))).isInstanceOfSatisfying(Refusal.class,
                    r -> assertThat(r.kind()).isEqualTo(Refusal.Kind.FORBIDDEN));
        }
        assertThat(desk.file(trAnalyst, filing("TR-UAV-01")).contingent()).isEqualTo(TR);
        assertThat(ledger.size()).isEqualTo(1);
    }

    @Test
    void badFilingsAreRefusedNamingTheField() {
        assertInvalid(filing("XX-UAV-99"), "flightPlan.asset: no registered asset 'XX-UAV-99'");
        assertInvalid(filing("RU-CAM-01"), "flightPlan.asset: RU-CAM-01 is a camera, not a drone");
        Filing f = filing("RU-UAV-01");
        assertInvalid(new Filing(f.asset(), f.path(), f.to(), f.from(), 300, 1500, "p", ""), "flightPlan.to");
        assertInvalid(new Filing(f.asset(), f.path(), f.from(), f.from().plus(Duration.ofHours(25)), 300, 1500, "p", ""),
                "longer than 24 h");
        assertInvalid(new Filing(f.asset(), f.path(), f.from(), f.to(), 1500, 300, "p", ""), "flightPlan.maxAltitudeM");
        assertInvalid(new Filing(f.asset(), f.path(), f.from(), f.to(), -5, 300, "p", ""), "flightPlan.minAltitudeM");
        assertInvalid(new Filing(f.asset(), f.path(), f.from(), f.to(), 0, 300, "  ", ""), "flightPlan.purpose");
        assertInvalid(new Filing(f.asset(), f.path(), T0.minusSeconds(7200), T0, 0, 300, "p", ""), "before its window ends");
        assertThat(ledger.size()).isZero();
    }

    private void assertInvalid(Filing f, String reason) {
        assertThatThrownBy(() -> desk.file(ruAnalyst, f)).isInstanceOfSatisfying(Refusal.class, r -> {
            assertThat(r.kind()).isEqualTo(Refusal.Kind.INVALID);
            assertThat(r.reason()).contains(reason);
        });
    }

    @Test
    void cancellingIsTheOwnersOnceAndWhileTheWindowLasts() {
        FlightPlan p = desk.file(ruAnalyst, filing("RU-UAV-01"));
        assertThatThrownBy(() -> desk.cancel(trAnalyst, p.id(), "no")).isInstanceOfSatisfying(Refusal.class,
                r -> assertThat(r.kind()).isEqualTo(Refusal.Kind.FORBIDDEN));
        assertThatThrownBy(() -> desk.cancel(ruAnalyst, FlightPlanId.of("FP-none"), "")).isInstanceOfSatisfying(
                Refusal.class, r -> assertThat(r.kind()).isEqualTo(Refusal.Kind.NOT_FOUND));
        clock.advance(Duration.ofMinutes(5));
        FlightPlan c = desk.cancel(Principal.staff("ru-head", Role.HEAD_OF_CONTINGENT, RU), p.id(), " weather ");
        assertThat(c.status()).isEqualTo(FlightPlanStatus.CANCELLED);
        assertThat(c.cancelledBy()).contains("ru-head");
        assertThat(c.cancelled()).contains(T0.plus(Duration.ofMinutes(5)));
        assertThat(c.cancelReason()).contains("weather");
        assertThatThrownBy(() -> desk.cancel(ruAnalyst, p.id(), "")).isInstanceOfSatisfying(Refusal.class,
                r -> assertThat(r.kind()).isEqualTo(Refusal.Kind.CONFLICT));
        assertThat(ledger.size()).isEqualTo(2);
        FlightPlan logged = JsonEntryCodec.canonical().payload(JsonEntryCodec.canonical().decode(ledgerStore.entry(1).orElseThrow()), FlightPlan.class);
        assertThat(logged).isEqualTo(c);

        FlightPlan q = desk.file(ruAnalyst, filing("RU-UAV-01"));
        clock.advance(Duration.ofHours(9));
        assertThatThrownBy(() -> desk.cancel(ruAnalyst, q.id(), "")).isInstanceOfSatisfying(Refusal.class,
                r -> assertThat(r.reason()).contains("window ended"));
    }

    @Test
    void pathsAreGeoJsonAndBadOnesAreRefused() throws Exception {
        var mapper = TruceJson.mapper();
        JsonNode area = mapper.valueToTree(AREA);
        assertThat(area.path("type").asText()).isEqualTo("Polygon");
        assertThat(area.path("coordinates").get(0).get(0).get(0).asDouble()).isEqualTo(46.60);
        assertThat(mapper.treeToValue(area, FlightPath.class)).isEqualTo(AREA);
        assertThat(mapper.readValue(mapper.writeValueAsString(ROUTE), FlightPath.class)).isEqualTo(ROUTE);
        assertThat(AREA.envelope().getMinX()).isEqualTo(46.60);

        assertThatThrownBy(() -> org.truce.codec.FlightPathJson.read(mapper.readTree("{\"type\":\"Point\",\"coordinates\":[46,39]}")))
                .hasMessageContaining("LineString (a route) or Polygon");
        assertThatThrownBy(() -> org.truce.codec.FlightPathJson.read(mapper.readTree(
                "{\"type\":\"LineString\",\"coordinates\":[[46.7,39.8]]}"))).hasMessageContaining("at least 2 points");
        assertThatThrownBy(() -> org.truce.codec.FlightPathJson.read(mapper.readTree(
                "{\"type\":\"LineString\",\"coordinates\":[[46.7,39.8],[46.8,99]]}"))).hasMessageContaining("coordinates[1]");
        // A bow-tie crosses itself.
        assertThatThrownBy(() -> FlightPath.area(List.of(GeoPoint.of(0, 0), GeoPoint.of(1, 1), GeoPoint.of(1, 0),
                GeoPoint.of(0, 1), GeoPoint.of(0, 0)))).hasMessageContaining("without crossing itself");
        assertThatThrownBy(() -> FlightPath.area(List.of(GeoPoint.of(0, 0), GeoPoint.of(1, 1), GeoPoint.of(1, 0),
                GeoPoint.of(0, 1)))).hasMessageContaining("must be closed");
    }

    @Test
    void windowsOverlapHalfOpen() {
        FlightPlan p = plan("FP-1", "RU-UAV-01", T0, 2);
        assertThat(p.overlaps(Optional.of(T0.plusSeconds(7200)), Optional.empty())).isFalse();
        assertThat(p.overlaps(Optional.empty(), Optional.of(T0))).isTrue();
        assertThat(p.overlaps(Optional.empty(), Optional.of(T0.minusSeconds(1)))).isFalse();
    }
}
