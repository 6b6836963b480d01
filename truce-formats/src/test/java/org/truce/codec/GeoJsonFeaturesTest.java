package org.truce.codec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.truce.agreement.Agreement;
import org.truce.agreement.Zone;
import org.truce.geo.GeoPoint;
import org.truce.testing.TestAgreements;

/** The one feature writer: the same zone, point and geometry wherever the API, OGC or an export writes them. */
class GeoJsonFeaturesTest {
    @Test
    void aZoneIsItsOutlineAndItsAttributesInAFixedOrder() {
        Agreement karabakh = TestAgreements.karabakh();
        Zone held = karabakh.zones().values().stream().filter(z -> z.heldBy().isPresent()).findFirst().orElseThrow();
        ObjectNode f = GeoJsonFeatures.zone(held);
        assertThat(f.get("type").asText()).isEqualTo("Feature");
        assertThat(f.get("id").asText()).isEqualTo(held.id().value());
        List<String> names = new ArrayList<>();
        f.get("properties").fieldNames().forEachRemaining(names::add);
        assertThat(names).containsExactly("id", "name", "role", "heldBy", "source", "caveat");
        assertThat(f.get("geometry").has("crs")).isFalse();

        ObjectNode fc = GeoJsonFeatures.zones(karabakh);
        assertThat(fc.get("features")).hasSize(karabakh.zones().size());
        JsonNode bbox = fc.get("bbox");
        assertThat(bbox).hasSize(4);
        assertThat(bbox.get(0).asDouble()).isLessThan(bbox.get(2).asDouble());
    }

    @Test
    void polygonsAreWoundCounterClockwiseWithSixDecimals() {
        GeometryFactory gf = new GeometryFactory();
        // a clockwise square, with more decimals than are written
        Polygon cw = gf.createPolygon(new Coordinate[] {new Coordinate(46.0, 39.0), new Coordinate(46.0, 39.123456789),
                new Coordinate(46.1, 39.123456789), new Coordinate(46.1, 39.0), new Coordinate(46.0, 39.0)});
        JsonNode ring = GeoJsonFeatures.geometry(cw).get("coordinates").get(0);
        double area2 = 0;
        for (int i = 0; i + 1 < ring.size(); i++) {
            area2 += ring.get(i).get(0).asDouble() * ring.get(i + 1).get(1).asDouble()
                    - ring.get(i + 1).get(0).asDouble() * ring.get(i).get(1).asDouble();
        }
        assertThat(area2).as("signed area of the exterior ring").isPositive();
        assertThat(ring.toString()).contains("39.123457").doesNotContain("39.1234567");
    }

    @Test
    void aPointIsLonThenLat() {
        JsonNode p = GeoJsonFeatures.point(GeoPoint.of(39.8, 46.75));
        assertThat(p.toString()).isEqualTo("{\"type\":\"Point\",\"coordinates\":[46.75,39.8]}");
        ObjectNode f = GeoJsonFeatures.feature("INC-1", p);
        assertThat(f.toString()).isEqualTo("{\"type\":\"Feature\",\"id\":\"INC-1\",\"geometry\":"
                + "{\"type\":\"Point\",\"coordinates\":[46.75,39.8]},\"properties\":{}}");
    }
}
