package org.truce.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.truce.testing.RuleFixtures.RU;
import static org.truce.testing.RuleFixtures.TR;
import static org.truce.testing.RuleFixtures.at;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.truce.ground.ContingentId;
import org.truce.cases.Area;
import org.truce.cases.CoverageOracle;
import org.truce.geo.GeoPoint;
import org.truce.sensing.AcceptedObservation;
import org.truce.sensing.Asset;
import org.truce.ground.AssetId;
import org.truce.ground.AssetKind;
import org.truce.sensing.Observation;
import org.truce.sensing.SensorSpec;
import org.truce.testing.RuleFixtures;

/**
 * The fixture's held area is the 20 km square [0, 20 km]²; its boundary starts at the south-west corner and runs
 * north, so segment {@code loc:am-held#k} is the west edge from k km to k+1 km north.
 */
class CoverageRecorderTest {
    static final Instant H10 = Instant.parse("2020-11-20T10:00:00Z");
    static final Instant H11 = Instant.parse("2020-11-20T11:00:00Z");
    static final Instant H12 = Instant.parse("2020-11-20T12:00:00Z");

    static final Map<String, Asset> ASSETS = Map.of(
            "RU-UAV-01", asset("RU-UAV-01", RU, AssetKind.DRONE, Optional.empty()),
            "TR-UAV-01", asset("TR-UAV-01", TR, AssetKind.DRONE, Optional.empty()),
            "RU-CAM-01", asset("RU-CAM-01", RU, AssetKind.CAMERA, Optional.of(at(0, 5_500))));
    static final Function<AssetId, Optional<Asset>> REGISTRY = id -> Optional.ofNullable(ASSETS.get(id.value()));

    long seq;

    static Asset asset(String id, ContingentId owner, AssetKind kind, Optional<GeoPoint> site) {
        return new Asset(AssetId.of(id), owner, kind, "test", new SensorSpec(400, 60, 40, kind == AssetKind.DRONE ? 40 : 0, 10),
                OptionalInt.empty(), site, Optional.empty());
    }

    CoverageRecorder recorder(Duration horizon) {
        return new CoverageRecorder(RuleFixtures.agreement(List.of()), REGISTRY,
                CoverageRecorder.Config.defaults().withHorizon(horizon));
    }

    void accept(CoverageRecorder r, Observation o) {
        seq++;
        r.on(new CenterEvent.ObservationAccepted(new AcceptedObservation(seq, AcceptedObservation.idFor(seq),
                o.time(), "sim", o)));
    }

    /** A footprint over the rectangle [e0, e1] x [n0, n1] metres from the fixture origin. */
    static Observation.Footprint footprint(String asset, Instant t, double e0, double e1, double n0, double n1, double p) {
        return new Observation.Footprint(AssetId.of(asset), t,
                List.of(at(e0, n0), at(e0, n1), at(e1, n1), at(e1, n0), at(e0, n0)), p);
    }

    static Observation.PlatformFix heartbeat(String asset, Instant t) {
        return new Observation.PlatformFix(AssetId.of(asset), t, ASSETS.get(asset).site().orElseThrow(), 0, 5, 0, 0);
    }

    static Map<String, CoverageRecorder.CellCoverage> byId(List<CoverageRecorder.CellCoverage> list) {
        return list.stream().collect(Collectors.toMap(CoverageRecorder.CellCoverage::id, c -> c));
    }

    @Test
    void cutsTheLineOfContactIntoKilometreSegmentsAndKeepsTheZones() {
        CoverageRecorder r = recorder(Duration.ofDays(7));
        List<CoverageRecorder.Cell> cells = r.cells();
        assertThat(cells.stream().filter(c -> c.kind() == CoverageRecorder.CellKind.SEGMENT)).hasSize(80);
        assertThat(cells.getFirst().id()).isEqualTo("loc:am-held#0");
        assertThat(cells.stream().filter(c -> c.kind() == CoverageRecorder.CellKind.ZONE).map(CoverageRecorder.Cell::id))
                .contains("am-held", "pk-zone", "theater");
        // Geometries are served in WGS 84: the first segment starts at the held area's south-west corner.
        GeoPoint sw = at(0, 0);
        assertThat(cells.getFirst().geometry().getCoordinates()[0].y).isCloseTo(sw.lat(), within(1e-9));
    }

    @Test
    void marksSegmentsObservedPerBinAndCombinesProbabilities() {
        CoverageRecorder r = recorder(Duration.ofDays(7));
        accept(r, footprint("RU-UAV-01", H10.plusSeconds(15 * 60), -100, 100, 0, 1_000, 0.8));
        accept(r, footprint("TR-UAV-01", H10.plusSeconds(40 * 60), -100, 100, 0, 500, 0.6));

        Map<String, CoverageRecorder.CellCoverage> tenToEleven = byId(r.coverage(H10, H11));
        CoverageRecorder.CellCoverage seg0 = tenToEleven.get("loc:am-held#0");
        assertThat(seg0.observed()).isTrue();
        // RU saw all of it (0.8), TR half (0.6 * 0.5): 1 - 0.2 * 0.7.
        assertThat(seg0.probability()).isCloseTo(0.86, within(1e-6));
        assertThat(seg0.assets()).containsExactly("RU-UAV-01", "TR-UAV-01");
        assertThat(seg0.byAsset().get("TR-UAV-01")).isCloseTo(0.3, within(1e-6));
        CoverageRecorder.CellCoverage seg1 = tenToEleven.get("loc:am-held#1");
        assertThat(seg1.observed()).isFalse();
        assertThat(seg1.probability()).isZero();
        assertThat(seg1.assets()).isEmpty();
        assertThat(tenToEleven.get("am-held").observed()).isTrue();
        assertThat(tenToEleven.get("aghdam-handover").observed()).isFalse();

        // The next hour nobody looked: "not seen", which is not "nothing there".
        assertThat(byId(r.coverage(H11, H12)).get("loc:am-held#0").observed()).isFalse();
        // A query inside the bin is widened to the whole bin.
        CoverageRecorder.CellCoverage widened = byId(r.coverage(H10.plusSeconds(60), H10.plusSeconds(120))).get("loc:am-held#0");
        assertThat(widened.from()).isEqualTo(H10);
        assertThat(widened.to()).isEqualTo(H11);
        assertThat(widened.probability()).isCloseTo(0.86, within(1e-6));
        assertThatThrownBy(() -> r.coverage(H11, H10)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aReportingFixedSensorCoversItsRangeOncePerBinUntilThreeHeartbeatsAfter() {
        CoverageRecorder r = recorder(Duration.ofDays(7));
        accept(r, heartbeat("RU-CAM-01", H10));
        accept(r, heartbeat("RU-CAM-01", H10.plusSeconds(10)));
        accept(r, heartbeat("RU-CAM-01", H10.plusSeconds(20)));
        // The camera's 400 m circle around (0, 5.5 km) covers 800 m of segment 5: 0.9 * 0.8, counted once.
        CoverageRecorder.CellCoverage seg5 = byId(r.coverage(H10, H11)).get("loc:am-held#5");
        assertThat(seg5.observed()).isTrue();
        assertThat(seg5.probability()).isCloseTo(0.72, within(1e-4));
        assertThat(seg5.assets()).containsExactly("RU-CAM-01");
        assertThat(byId(r.coverage(H10, H11)).get("loc:am-held#4").observed()).isFalse();
        assertThat(byId(r.coverage(H11, H12)).get("loc:am-held#5").observed()).isFalse();

        // A report 5 s before the hour covers 30 s into the next bin.
        accept(r, heartbeat("RU-CAM-01", H11.minusSeconds(5)));
        assertThat(byId(r.coverage(H11, H12)).get("loc:am-held#5").probability()).isCloseTo(0.72, within(1e-4));

        List<CoverageOracle.Observer> near = r.observed(new Area.Circle(at(0, 5_500), 50), H10, H10.plusSeconds(60));
        assertThat(near).containsExactly(new CoverageOracle.Observer(RU, "RU-CAM-01", 0.9));
        // Silent since 10:59:55: by noon the camera no longer counts.
        assertThat(r.observed(new Area.Circle(at(0, 5_500), 50), H12, H12.plusSeconds(1800))).isEmpty();
    }

    @Test
    void theOracleNamesTheObserversWithTheirContingentsAndSaysNothingWhereNobodyLooked() {
        CoverageRecorder r = recorder(Duration.ofDays(7));
        accept(r, footprint("RU-UAV-01", H10.plusSeconds(15 * 60), -100, 100, 0, 1_000, 0.8));
        accept(r, footprint("TR-UAV-01", H10.plusSeconds(40 * 60), -100, 100, 0, 500, 0.6));

        List<CoverageOracle.Observer> seen = r.observed(new Area.Circle(at(0, 250), 50), H10, H11);
        assertThat(seen).extracting(CoverageOracle.Observer::asset).containsExactly("RU-UAV-01", "TR-UAV-01");
        assertThat(seen).extracting(CoverageOracle.Observer::contingent).containsExactly(RU, TR);
        assertThat(seen.get(0).probability()).isCloseTo(0.8, within(1e-9));
        assertThat(seen.get(1).probability()).isCloseTo(0.6, within(1e-9));
        assertThat(CoverageOracle.combined(seen)).isCloseTo(0.92, within(1e-9));
        // Only TR's look falls inside [10:30, 11:00).
        assertThat(r.observed(new Area.Circle(at(0, 250), 50), H10.plusSeconds(1800), H11))
                .extracting(CoverageOracle.Observer::asset).containsExactly("TR-UAV-01");
        // Unverifiable: nothing looked there, or not then.
        assertThat(r.observed(new Area.Circle(at(10_000, 10_000), 500), H10, H11)).isEmpty();
        assertThat(r.observed(new Area.Circle(at(0, 250), 50), H11, H12)).isEmpty();
    }

    @Test
    void dropsCoverageOlderThanTheHorizonAndIgnoresLateLooks() {
        CoverageRecorder r = recorder(Duration.ofHours(2));
        accept(r, footprint("RU-UAV-01", H10.plusSeconds(15 * 60), -100, 100, 0, 1_000, 0.8));
        assertThat(byId(r.coverage(H10, H11)).get("loc:am-held#0").observed()).isTrue();

        accept(r, footprint("RU-UAV-01", H12.plusSeconds(90 * 60), 19_900, 20_100, 0, 1_000, 0.8));
        assertThat(r.retainedFrom()).contains(H11.plusSeconds(30 * 60));
        assertThat(byId(r.coverage(H10, H11)).get("loc:am-held#0").observed()).isFalse();
        assertThat(r.observed(new Area.Circle(at(0, 250), 50), H10, H11)).isEmpty();

        accept(r, footprint("TR-UAV-01", H10, -100, 100, 0, 1_000, 0.8));
        assertThat(byId(r.coverage(H10, H11)).get("loc:am-held#0").observed()).isFalse();
        assertThat(r.observed(new Area.Circle(at(0, 250), 50), H10, H11)).isEmpty();
    }

    @Test
    void summarisesTheShareOfHoursObservedInADay() {
        CoverageRecorder r = recorder(Duration.ofDays(7));
        accept(r, footprint("RU-UAV-01", H10.plusSeconds(15 * 60), -100, 100, 0, 1_000, 0.8));
        accept(r, footprint("RU-UAV-01", H11.plusSeconds(15 * 60), -100, 100, 0, 1_000, 0.8));
        accept(r, footprint("RU-UAV-01", H11.plusSeconds(25 * 60), -100, 100, 0, 1_000, 0.8));

        CoverageRecorder.DaySummary day = r.summary(LocalDate.parse("2020-11-20"));
        Map<String, CoverageRecorder.CellShare> shares = day.cells().stream()
                .collect(Collectors.toMap(CoverageRecorder.CellShare::id, s -> s));
        assertThat(shares.get("loc:am-held#0").observedBins()).isEqualTo(2);
        assertThat(shares.get("loc:am-held#0").bins()).isEqualTo(24);
        assertThat(shares.get("loc:am-held#0").share()).isCloseTo(2 / 24.0, within(1e-12));
        assertThat(shares.get("loc:am-held#1").share()).isZero();
        assertThat(r.summary(LocalDate.parse("2020-11-21")).cells())
                .allSatisfy(s -> assertThat(s.observedBins()).isZero());
    }

    @Test
    void skipsUnknownAssetsAndOtherEventsWithoutThrowing() {
        CoverageRecorder r = recorder(Duration.ofDays(7));
        accept(r, footprint("XX-UAV-09", H10, -100, 100, 0, 1_000, 0.8));
        assertThat(r.skipped()).isEqualTo(1);
        assertThat(r.newest()).isEmpty();
        assertThat(r.coverage(H10, H11)).noneMatch(CoverageRecorder.CellCoverage::observed);
    }

    @Test
    void replaysTheLogFromTheGivenInstant() {
        org.truce.store.memory.InMemoryStore store = new org.truce.store.memory.InMemoryStore();
        store.observations().append(H10, "sim", footprint("RU-UAV-01", H10.plusSeconds(60), -100, 100, 0, 1_000, 0.8));
        store.observations().append(H11, "sim", footprint("TR-UAV-01", H11.plusSeconds(60), -100, 100, 0, 1_000, 0.5));
        CoverageRecorder r = recorder(Duration.ofDays(7));
        assertThat(r.replay(store.observations(), H11)).isEqualTo(1);
        assertThat(byId(r.coverage(H10, H11)).get("loc:am-held#0").observed()).isFalse();
        assertThat(byId(r.coverage(H11, H12)).get("loc:am-held#0").assets()).containsExactly("TR-UAV-01");
        assertThat(recorder(Duration.ofDays(7)).replay(store.observations(), H12)).isZero();
    }

    @Test
    void isDeterministic() {
        CoverageRecorder a = recorder(Duration.ofDays(7));
        CoverageRecorder b = recorder(Duration.ofDays(7));
        for (CoverageRecorder r : List.of(a, b)) {
            seq = 0;
            accept(r, footprint("RU-UAV-01", H10.plusSeconds(15 * 60), -300, 300, 0, 3_000, 0.7));
            accept(r, heartbeat("RU-CAM-01", H10.plusSeconds(100)));
        }
        assertThat(a.coverage(H10, H12)).isEqualTo(b.coverage(H10, H12));
    }
}
