package org.truce.agreement.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.truce.agreement.Agreement;
import org.truce.agreement.ZoneId;
import org.truce.testing.TestAgreements;

class KarabakhScenarioTest {
    private final Agreement a = TestAgreements.karabakh();
    private final GeometryFactory gf = new GeometryFactory();

    private boolean contains(String zone, double lat, double lon) {
        Geometry g = a.zone(ZoneId.of(zone)).orElseThrow().geometry();
        return g.covers(gf.createPoint(new Coordinate(lon, lat)));
    }

    @Test
    void probe() {
        a.zones().values().forEach(z -> System.out.println(z.id() + " " + z.geometry().getGeometryType() + " valid=" + z.geometry().isValid()
                + " pts=" + z.geometry().getNumPoints() + " areaDeg=" + z.geometry().getArea()));
        System.out.println("merzili ru " + contains("airspace-ru", 39.9325, 47.0617) + " prem " + contains("center-premises", 39.9325, 47.0617));
        System.out.println("shusha corridor " + contains("lachin-corridor", 39.7583, 46.7483));
        var p = org.truce.geo.LocalProjection.utm38n();
        System.out.println("shusha dist " + p.toLocal(a.zone(ZoneId.of("lachin-corridor")).get().geometry()).distance(gf.createPoint(p.toLocal(org.truce.geo.GeoPoint.of(39.7583, 46.7483)))));
        System.out.println("premises area m2 " + p.toLocal(a.zone(ZoneId.of("center-premises")).get().geometry()).getArea());
        System.out.println("corridor area km2 " + p.toLocal(a.zone(ZoneId.of("lachin-corridor")).get().geometry()).getArea()/1e6);
        for (String z : new String[]{"aghdam-handover","kalbajar-handover","lachin-handover","airspace-ru","pk-zone","am-held"})
            System.out.println(z + " km2 " + p.toLocal(a.zone(ZoneId.of(z)).get().geometry()).getArea()/1e6);
        System.out.println("stepanakert in am-held " + contains("am-held", 39.8153, 46.7519));
        System.out.println("aghdam town in aghdam-handover " + contains("aghdam-handover", 39.9931, 46.9306) + " kalbajar " + contains("kalbajar-handover", 40.1067, 46.0383) + " lachin town in corridor " + contains("lachin-corridor", 39.6408, 46.5469));
    }
}
