package org.truce.reports.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class KmlExportTest {
    private static final String NS = KmlExport.NS;

    @Test
    void incidentsAreTimedPointPlacemarksWithExtendedDataInTheirFolder() throws Exception {
        Document doc = Fixtures.parseXml(Fixtures.write(new KmlExport(), Fixtures.full()));
        assertThat(doc.getDocumentElement().getNamespaceURI()).isEqualTo(NS);
        assertThat(doc.getDocumentElement().getLocalName()).isEqualTo("kml");
        List<Element> folders = children(doc.getDocumentElement(), "Folder");
        assertThat(folders).extracting(f -> text(f, "name")).containsExactly("Incidents", "Zones", "Tracks");

        List<Element> incidents = children(folders.get(0), "Placemark");
        assertThat(incidents).hasSize(3);
        Element fire = incidents.get(0);
        assertThat(text(fire, "name")).isEqualTo("INC-2020-11-14-0042");
        assertThat(text(fire, "begin")).isEqualTo("2020-11-14T10:00:00Z");
        assertThat(text(fire, "end")).isEqualTo("2020-11-14T10:20:00Z");
        assertThat(text(fire, "coordinates")).isEqualTo("46.7512300,39.8123400");
        assertThat(data(fire, "ruleType")).isEqualTo("cease-fire");
        assertThat(data(fire, "partyName")).isEqualTo("Armenia");
        assertThat(data(fire, "provisionVersion")).isEqualTo("1");

        Element awkward = incidents.get(1);
        assertThat(text(awkward, "description")).isEqualTo(Fixtures.AWKWARD);
        assertThat(data(awkward, "party")).isEmpty();
    }

    @Test
    void zonesArePolygonsWithHolesAndTheShellCounterClockwise() throws Exception {
        Document doc = Fixtures.parseXml(Fixtures.write(new KmlExport(), Fixtures.full()));
        Element zone = children(children(doc.getDocumentElement(), "Folder").get(1), "Placemark").get(0);
        assertThat(text(zone, "name")).isEqualTo("Peacekeeping zone & buffer");
        assertThat(zone.getElementsByTagNameNS(NS, "Polygon").getLength()).isEqualTo(1);
        assertThat(zone.getElementsByTagNameNS(NS, "innerBoundaryIs").getLength()).isEqualTo(1);
        Element outer = (Element) zone.getElementsByTagNameNS(NS, "outerBoundaryIs").item(0);
        // The fixture's shell is clockwise; KML wants it reversed: (46,39) then (47,39).
        assertThat(text(outer, "coordinates")).startsWith("46.0000000,39.0000000 47.0000000,39.0000000");
    }

    @Test
    void controlCharactersCannotBreakTheDocument() throws Exception {
        var i = Fixtures.attributedFire();
        var bad = new org.truce.rules.Incident(i.id(), i.provision(), i.provisionVersion(), i.rule(), i.ruleType(),
                i.zone(), i.start(), i.end(), i.place(), i.uncertaintyM(), i.party(), i.attributionConfidence(),
                i.subject(), "bell\u0007 and ]]> end", i.state(), i.evidence());
        Document doc = Fixtures.parseXml(Fixtures.write(new KmlExport(), ExportSet.ofIncidents(List.of(bad), "t")));
        assertThat(doc.getElementsByTagNameNS(NS, "description").item(0).getTextContent())
                .isEqualTo("bell\uFFFD and ]]> end");
    }

    @Test
    void theTestParserRefusesDoctypes() {
        assertThatThrownBy(() -> Fixtures.parseXml("<!DOCTYPE kml [<!ENTITY x \"y\">]><kml>&x;</kml>"))
                .hasMessageContaining("DOCTYPE");
    }

    static List<Element> children(Element parent, String name) {
        List<Element> out = new ArrayList<>();
        NodeList all = parent.getElementsByTagNameNS(NS, name);
        for (int n = 0; n < all.getLength(); n++) out.add((Element) all.item(n));
        return out;
    }

    static String text(Element e, String name) {
        return e.getElementsByTagNameNS(NS, name).item(0).getTextContent();
    }

    static String data(Element placemark, String name) {
        for (Element d : children(placemark, "Data")) {
            if (d.getAttribute("name").equals(name)) return text(d, "value");
        }
        throw new AssertionError("no Data " + name);
    }
}
