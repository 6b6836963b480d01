package org.truce.reports.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.truce.ground.ContingentId;
import org.truce.airspace.FlightPath;
import org.truce.airspace.FlightPlan;
import org.truce.airspace.FlightPlanId;
import org.truce.airspace.FlightPlanStatus;
import org.truce.geo.GeoPoint;
import org.truce.ground.AssetId;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Flight plans in the KML, GeoJSON and CoT exports: a route as a line, an area as a polygon, with window and band. */
class FlightPlanExportTest {
    static final Instant FROM = Instant.parse("2020-11-20T09:00:00Z");
    static final FlightPlan ROUTE = plan("FP-2020-11-20-0001", FlightPath.route(List.of(GeoPoint.of(39.80, 46.70),
            GeoPoint.of(39.85, 46.80), GeoPoint.of(39.90, 46.85))), FlightPlanStatus.FILED);
    // Written clockwise on purpose: KML and GeoJSON want the shell counter-clockwise.
    static final FlightPlan AREA = plan("FP-2020-11-20-0002", FlightPath.area(List.of(GeoPoint.of(39.70, 46.60),
            GeoPoint.of(39.75, 46.60), GeoPoint.of(39.75, 46.70), GeoPoint.of(39.70, 46.70), GeoPoint.of(39.70, 46.60))),
            FlightPlanStatus.CANCELLED);

    static FlightPlan plan(String id, FlightPath path, FlightPlanStatus status) {
        boolean c = status == FlightPlanStatus.CANCELLED;
        return new FlightPlan(FlightPlanId.of(id), AssetId.of("RU-UAV-01"), ContingentId.of("RU"), path, FROM,
                FROM.plusSeconds(6 * 3600), 300, 1500, "patrol <north> & back", "", "ru-duty", FROM.minusSeconds(3600),
                status, c ? Optional.of("ru-head") : Optional.empty(), c ? Optional.of(FROM) : Optional.empty(),
                c ? Optional.of("weather") : Optional.empty());
    }

    static final ExportSet SET = Fixtures.full().withFlightPlans(List.of(ROUTE, AREA));

    @Test
    void kmlHasAFlightPlansFolderWithALineAndAPolygon() throws Exception {
        Document d = xml(Fixtures.write(new KmlExport(), SET));
        Element folder = folder(d, "Flight plans");
        NodeList placemarks = folder.getElementsByTagName("Placemark");
        assertThat(placemarks.getLength()).isEqualTo(2);
        Element route = (Element) placemarks.item(0);
        assertThat(route.getAttribute("id")).isEqualTo("FP-2020-11-20-0001");
        assertThat(route.getElementsByTagName("begin").item(0).getTextContent()).isEqualTo("2020-11-20T09:00:00Z");
        assertThat(route.getElementsByTagName("LineString").item(0).getTextContent().strip())
                .isEqualTo("46.7000000,39.8000000 46.8000000,39.8500000 46.8500000,39.9000000");
        assertThat(route.getElementsByTagName("description").item(0).getTextContent()).isEqualTo("patrol <north> & back");
        Element area = (Element) placemarks.item(1);
        assertThat(area.getElementsByTagName("Polygon").getLength()).isEqualTo(1);
        assertThat(area.getElementsByTagName("coordinates").item(0).getTextContent().strip())
                .startsWith("46.6000000,39.7000000 46.7000000,39.7000000");
        assertThat(area.getTextContent()).contains("CANCELLED").contains("weather");
    }

    @Test
    void geoJsonHasOneFeaturePerPlan() throws Exception {
        JsonNode fc = new ObjectMapper().readTree(Fixtures.write(new GeoJsonExport(), SET));
        List<JsonNode> plans = new java.util.ArrayList<>();
        fc.path("features").forEach(f -> {
            if (f.path("properties").path("kind").asText().equals("flight-plan")) plans.add(f);
        });
        assertThat(plans).hasSize(2);
        assertThat(plans.get(0).path("geometry").path("type").asText()).isEqualTo("LineString");
        assertThat(plans.get(0).path("properties").path("maxAltitudeM").asDouble()).isEqualTo(1500);
        assertThat(plans.get(0).path("properties").path("cancelReason").isNull()).isTrue();
        assertThat(plans.get(1).path("geometry").path("type").asText()).isEqualTo("Polygon");
        assertThat(plans.get(1).path("properties").path("status").asText()).isEqualTo("CANCELLED");
    }

    @Test
    void cotHasARouteWithWaypointsAndAnAreaShape() throws Exception {
        Document d = xml(Fixtures.write(new CotExport(), SET));
        NodeList events = d.getElementsByTagName("event");
        Element route = null;
        Element area = null;
        for (int i = 0; i < events.getLength(); i++) {
            Element e = (Element) events.item(i);
            if (e.getAttribute("uid").equals("truce.FP-2020-11-20-0001")) route = e;
            if (e.getAttribute("uid").equals("truce.FP-2020-11-20-0002")) area = e;
        }
        assertThat(route).isNotNull();
        assertThat(route.getAttribute("type")).isEqualTo(CotExport.ROUTE_TYPE);
        assertThat(route.getAttribute("start")).isEqualTo("2020-11-20T09:00:00Z");
        assertThat(route.getAttribute("stale")).isEqualTo("2020-11-20T15:00:00Z");
        NodeList links = route.getElementsByTagName("link");
        assertThat(links.getLength()).isEqualTo(3);
        assertThat(((Element) links.item(0)).getAttribute("point")).isEqualTo("39.8000000,46.7000000");
        assertThat(((Element) links.item(0)).getAttribute("type")).isEqualTo("b-m-p-w");
        assertThat(area).isNotNull();
        assertThat(area.getAttribute("type")).isEqualTo(CotExport.AREA_TYPE);
        assertThat(area.getElementsByTagName("link").getLength()).isEqualTo(5);
        assertThat(((Element) area.getElementsByTagName("truce").item(0)).getAttribute("status")).isEqualTo("CANCELLED");
    }

    private static Element folder(Document d, String name) {
        NodeList folders = d.getElementsByTagName("Folder");
        for (int i = 0; i < folders.getLength(); i++) {
            Element f = (Element) folders.item(i);
            if (f.getElementsByTagName("name").item(0).getTextContent().equals(name)) return f;
        }
        throw new AssertionError("no folder " + name);
    }

    private static Document xml(String text) throws Exception {
        return Fixtures.parseXml(text);
    }
}
