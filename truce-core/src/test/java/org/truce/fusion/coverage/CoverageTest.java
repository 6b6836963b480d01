package org.truce.fusion.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;

class CoverageTest {
    private static final Instant H10 = Instant.parse("2020-11-20T10:00:00Z");
    private static final Instant H11 = Instant.parse("2020-11-20T11:00:00Z");
    private static final Instant H12 = Instant.parse("2020-11-20T12:00:00Z");

    private final GeometryFactory gf = new GeometryFactory();
    private final LineString contact = gf.createLineString(new Coordinate[] {
        new Coordinate(0, 0), new Coordinate(2000, 0), new Coordinate(3500, 0)});
    private final Geometry zone = box(0, 0, 2000, 2000);

    // Hand-drawn looks: a drone over segments 0-1, a camera on segment 0, the drone later over segments 2-3.
    private final List<Look> looks = List.of(
            new Look("RU-UAV-01", H10.plusSeconds(15 * 60), box(500, -200, 1500, 200), 0.8),
            new Look("TR-CAM-01", H10.plusSeconds(40 * 60), box(0, -100, 1000, 100), 0.5),
            new Look("RU-UAV-01", H11.plusSeconds(5 * 60), box(2500, -300, 3600, 300), 0.9));

    private final CoverageGrid grid = CoverageGrid.build(Map.of("loc", contact), Map.of("pk-zone", zone), looks,
            CoverageGrid.Config.defaults());

    @Test
    void cutsTheLineIntoKilometreSegmentsThenAddsTheZones() {
        assertThat(grid.cells()).extracting(CoverageGrid.Cell::id)
                .containsExactly("loc#0", "loc#1", "loc#2", "loc#3", "pk-zone");
        assertThat(grid.cells().get(3).geometry().getLength()).isCloseTo(500, within(1e-9));
    }

    @Test
    void combinesIndependentLooksOnASegmentWithinTheHour() {
        Coverage c = grid.query("loc#0", H10, H11);
        assertThat(c).isInstanceOfSatisfying(Coverage.Observed.class, o -> {
            // The drone saw half of segment 0 (0.8 * 0.5), the camera all of it (0.5): 1 - 0.6 * 0.5.
            assertThat(o.probability()).isCloseTo(0.7, within(1e-12));
            assertThat(o.assets()).containsExactly("RU-UAV-01", "TR-CAM-01");
            assertThat(o.byAsset().get("RU-UAV-01")).isCloseTo(0.4, within(1e-12));
            assertThat(o.firstLook()).isEqualTo(H10.plusSeconds(900));
            assertThat(o.lastLook()).isEqualTo(H10.plusSeconds(2400));
        });
        assertThat(grid.query("loc#1", H10, H11).probability()).isCloseTo(0.4, within(1e-12));
    }

    @Test
    void saysNoCoverageWhenNothingLooked() {
        assertThat(grid.query("loc#3", H10, H11)).isInstanceOf(Coverage.NotCovered.class);
        assertThat(grid.query("loc#3", H10, H11).probability()).isZero();
        assertThat(grid.query("loc#3", H11, H12).probability()).isCloseTo(0.9, within(1e-12));
        assertThat(grid.query("loc#2", H11, H12).probability()).isCloseTo(0.45, within(1e-12));
    }

    @Test
    void theIntervalEndIsExclusive() {
        Coverage before = grid.query("loc#0", H10, H10.plusSeconds(40 * 60));
        assertThat(((Coverage.Observed) before).assets()).containsExactly("RU-UAV-01");
    }

    @Test
    void aZoneCountsTheShareOfItsAreaThatWasWatched() {
        // 1000 m x 200 m of the drone's footprint lies in the 2 km x 2 km zone: 5 % of it, and the camera 1000 x 100.
        double drone = 0.8 * 0.05;
        double camera = 0.5 * 0.025;
        assertThat(grid.query("pk-zone", H10, H11).probability())
                .isCloseTo(1 - (1 - drone) * (1 - camera), within(1e-12));
    }

    @Test
    void theHourlyTableListsEveryCellInEveryBin() {
        List<CoverageGrid.BinCoverage> table = grid.table(H10.plusSeconds(600), H12);
        assertThat(table).hasSize(10);
        assertThat(table.getFirst().binStart()).isEqualTo(H10);
        assertThat(table).filteredOn(CoverageGrid.BinCoverage::observed)
                .extracting(b -> b.cellId() + "@" + b.binStart().atZone(java.time.ZoneOffset.UTC).getHour())
                .containsExactly("loc#0@10", "loc#1@10", "pk-zone@10", "loc#2@11", "loc#3@11");
    }

    @Test
    void theMapAnswersForAnyPlace() {
        CoverageMap map = new CoverageMap(looks);
        Geometry post = gf.createPoint(new Coordinate(3000, 0));
        assertThat(map.query(post, H10, H11)).isInstanceOf(Coverage.NotCovered.class);
        assertThat(map.query(post, H10, H12)).isInstanceOfSatisfying(Coverage.Observed.class, o -> {
            assertThat(o.assets()).containsExactly("RU-UAV-01");
            assertThat(o.probability()).isCloseTo(0.9, within(1e-12));
        });
        // Half of this area is under the camera's footprint, none under the drone's.
        assertThat(map.query(box(-100, -100, 100, 100), H10, H11).probability()).isCloseTo(0.25, within(1e-12));
    }

    @Test
    void refusesBadInput() {
        assertThatThrownBy(() -> new Look("RU-UAV-01", H10, contact, 0.5)).hasMessageContaining("Polygon");
        assertThatThrownBy(() -> new Look("RU-UAV-01", H10, zone, 1.5)).hasMessageContaining("detectionProbability");
        assertThatThrownBy(() -> grid.query("nowhere", H10, H11)).hasMessageContaining("no cell named nowhere");
        assertThatThrownBy(() -> grid.query("loc#0", H11, H10)).hasMessageContaining("ends before it starts");
        assertThatThrownBy(() -> CoverageGrid.build(Map.of("x", contact), Map.of("x", zone), looks,
                CoverageGrid.Config.defaults())).hasMessageContaining("duplicate");
    }

    private Geometry box(double x0, double y0, double x1, double y1) {
        return gf.createPolygon(new Coordinate[] {
            new Coordinate(x0, y0), new Coordinate(x1, y0), new Coordinate(x1, y1), new Coordinate(x0, y1),
            new Coordinate(x0, y0)});
    }
}
