package org.truce.reports.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;

class GeoJsonExportTest {
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void incidentsZonesAndTracksAreFeaturesWithTheirProperties() throws Exception {
        JsonNode root = json.readTree(Fixtures.write(new GeoJsonExport(), Fixtures.full()));
        assertThat(root.get("type").asText()).isEqualTo("FeatureCollection");
        JsonNode features = root.get("features");
        assertThat(features).hasSize(5);
        List<String> kinds = new ArrayList<>();
        features.forEach(f -> kinds.add(f.get("properties").get("kind").asText()));
        assertThat(kinds).containsExactly("incident", "incident", "incident", "zone", "track");

        JsonNode fire = features.get(0);
        assertThat(fire.get("id").asText()).isEqualTo("INC-2020-11-14-0042");
        assertThat(fire.get("geometry").get("type").asText()).isEqualTo("Point");
        assertThat(fire.get("geometry").get("coordinates").get(0).asDouble()).isEqualTo(46.75123); // lon first
        assertThat(fire.get("geometry").get("coordinates").get(1).asDouble()).isEqualTo(39.81234);
        JsonNode p = fire.get("properties");
        assertThat(p.get("ruleType").asText()).isEqualTo("cease-fire");
        assertThat(p.get("party").asText()).isEqualTo("AM");
        assertThat(p.get("partyName").asText()).isEqualTo("Armenia");
        assertThat(p.get("uncertaintyM").asDouble()).isEqualTo(600.0);
        assertThat(p.get("start").asText()).isEqualTo("2020-11-14T10:00:00Z");
        assertThat(p.get("evidence")).hasSize(2);
        assertThat(p.get("locationMethod").asText()).isEqualTo("LOCATED");
        assertThat(p.get("ellipseSemiMajorM").asDouble()).isEqualTo(600.0);
        assertThat(p.get("ellipseSemiMinorM").asDouble()).isEqualTo(250.0);
        assertThat(p.get("ellipseOrientationDeg").asDouble()).isEqualTo(45.0);
        assertThat(p.get("fireCues").asInt()).isEqualTo(2);
        assertThat(p.get("launchLat").asDouble()).isEqualTo(39.81234);
        assertThat(p.get("launchInside").asDouble()).isEqualTo(0.93);
        assertThat(p.get("launchContested").asDouble()).isEqualTo(0.02);

        JsonNode undetermined = features.get(1).get("properties");
        assertThat(undetermined.get("party").isNull()).isTrue();
        assertThat(undetermined.get("summary").asText()).isEqualTo(Fixtures.AWKWARD);
        assertThat(undetermined.get("provisionVersion").asInt()).isEqualTo(2);
        assertThat(undetermined.has("locationMethod")).as("not a fire incident").isFalse();
    }

    @Test
    void zonesAreRfc7946PolygonsWithCounterClockwiseShellsAndTheirHoles() throws Exception {
        JsonNode zone = json.readTree(Fixtures.write(new GeoJsonExport(), Fixtures.full())).get("features").get(3);
        assertThat(zone.has("crs")).isFalse();
        JsonNode g = zone.get("geometry");
        assertThat(g.get("type").asText()).isEqualTo("Polygon");
        assertThat(g.get("coordinates")).hasSize(2);
        assertThat(Orientation.isCCW(ring(g.get("coordinates").get(0)))).isTrue();
        assertThat(zone.get("properties").get("role").asText()).isEqualTo("PEACEKEEPING_ZONE");
        assertThat(zone.get("properties").get("name").asText()).isEqualTo("Peacekeeping zone & buffer");
    }

    @Test
    void anEmptySetIsAnEmptyCollection() throws Exception {
        JsonNode root = json.readTree(Fixtures.write(new GeoJsonExport(), ExportSet.ofIncidents(List.of(), "x")));
        assertThat(root.get("features")).isEmpty();
    }

    private static Coordinate[] ring(JsonNode coords) {
        Coordinate[] cs = new Coordinate[coords.size()];
        for (int i = 0; i < cs.length; i++) cs[i] = new Coordinate(coords.get(i).get(0).asDouble(), coords.get(i).get(1).asDouble());
        return cs;
    }
}
