package org.truce.reports.export;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.truce.agreement.Zone;
import org.truce.airspace.FlightPlan;
import org.truce.fusion.Track;
import org.truce.geo.GeoPoint;
import org.truce.rules.Incident;

/**
 * KML 2.2 for Google Earth and GIS tools: one Document with the Folders {@code Incidents} (a Point Placemark per
 * incident with a TimeSpan and its fields as ExtendedData), {@code Zones} (Polygons, MultiGeometry for multi-part
 * zones), {@code Tracks} (a Point Placemark per track estimate with a TimeStamp) and {@code Flight plans} (a
 * LineString or Polygon Placemark per plan, with its window as TimeSpan). Empty folders are left out, so
 * each folder is one non-empty layer for OGR. Text is escaped by the JDK's {@link XMLStreamWriter}. Stateless and
 * thread-safe.
 */
public final class KmlExport implements ExportWriter {
    /** The KML 2.2 namespace (OGC 07-147r2). */
    public static final String NS = "http://www.opengis.net/kml/2.2";

    @Override
    public void write(ExportSet set, OutputStream out) throws IOException {
        try {
            XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out, StandardCharsets.UTF_8.name());
            x.writeStartDocument(StandardCharsets.UTF_8.name(), "1.0");
            x.writeCharacters("\n");
            x.writeStartElement("kml");
            x.writeDefaultNamespace(NS);
            x.writeStartElement("Document");
            text(x, "name", set.source());
            if (!set.incidents().isEmpty()) {
                x.writeStartElement("Folder");
                text(x, "name", "Incidents");
                for (Incident i : set.incidents()) incident(x, i, set);
                x.writeEndElement();
            }
            if (!set.zones().isEmpty()) {
                x.writeStartElement("Folder");
                text(x, "name", "Zones");
                for (Zone z : set.zones()) zone(x, z);
                x.writeEndElement();
            }
            if (!set.tracks().isEmpty()) {
                x.writeStartElement("Folder");
                text(x, "name", "Tracks");
                for (Track t : set.tracks()) track(x, t);
                x.writeEndElement();
            }
            if (!set.flightPlans().isEmpty()) {
                x.writeStartElement("Folder");
                text(x, "name", "Flight plans");
                for (FlightPlan p : set.flightPlans()) flightPlan(x, p);
                x.writeEndElement();
            }
            x.writeEndElement();
            x.writeEndElement();
            x.writeEndDocument();
            x.flush();
            x.close();
        } catch (XMLStreamException e) {
            throw new IOException("cannot write KML: " + e.getMessage(), e);
        }
    }

    private static void incident(XMLStreamWriter x, Incident i, ExportSet set) throws XMLStreamException {
        x.writeStartElement("Placemark");
        x.writeAttribute("id", i.id());
        text(x, "name", i.id());
        text(x, "description", i.summary());
        x.writeStartElement("TimeSpan");
        text(x, "begin", i.start().toString());
        text(x, "end", i.end().toString());
        x.writeEndElement();
        Map<String, String> data = new LinkedHashMap<>();
        data.put("provision", i.provision().value());
        data.put("provisionVersion", Integer.toString(i.provisionVersion()));
        data.put("rule", i.rule().value());
        data.put("ruleType", i.ruleType());
        data.put("zone", i.zone().value());
        data.put("uncertaintyM", num(i.uncertaintyM()));
        data.put("party", i.party().map(p -> p.value()).orElse(""));
        data.put("partyName", set.partyName(i).orElse(""));
        data.put("attributionConfidence", num(i.attributionConfidence()));
        data.put("subject", i.subject());
        data.put("state", i.state().name());
        data.put("evidence", String.join(" ", i.evidence()));
        extendedData(x, data);
        point(x, i.place());
        x.writeEndElement();
    }

    private static void zone(XMLStreamWriter x, Zone z) throws XMLStreamException {
        x.writeStartElement("Placemark");
        x.writeAttribute("id", "zone-" + z.id().value());
        text(x, "name", z.name());
        text(x, "description", z.caveat());
        Map<String, String> data = new LinkedHashMap<>();
        data.put("zone", z.id().value());
        data.put("role", z.role().name());
        data.put("heldBy", z.heldBy().map(p -> p.value()).orElse(""));
        data.put("source", z.source());
        extendedData(x, data);
        geometry(x, z.geometry());
        x.writeEndElement();
    }

    private static void track(XMLStreamWriter x, Track t) throws XMLStreamException {
        x.writeStartElement("Placemark");
        text(x, "name", t.id());
        x.writeStartElement("TimeStamp");
        text(x, "when", t.time().toString());
        x.writeEndElement();
        Map<String, String> data = new LinkedHashMap<>();
        data.put("objectClass", t.objectClass().name());
        data.put("classConfidence", num(t.classConfidence()));
        data.put("side", t.side().map(p -> p.value()).orElse(""));
        data.put("sideConfidence", num(t.sideConfidence()));
        data.put("sigmaM", num(t.sigmaM()));
        data.put("size", Integer.toString(t.size()));
        data.put("status", t.status().name());
        extendedData(x, data);
        point(x, t.position());
        x.writeEndElement();
    }

    private static void flightPlan(XMLStreamWriter x, FlightPlan p) throws XMLStreamException {
        x.writeStartElement("Placemark");
        x.writeAttribute("id", p.id().value());
        text(x, "name", p.id().value());
        text(x, "description", p.purpose());
        x.writeStartElement("TimeSpan");
        text(x, "begin", p.from().toString());
        text(x, "end", p.to().toString());
        x.writeEndElement();
        Map<String, String> data = new LinkedHashMap<>();
        data.put("asset", p.asset().value());
        data.put("contingent", p.contingent().value());
        data.put("minAltitudeM", num(p.minAltitudeM()));
        data.put("maxAltitudeM", num(p.maxAltitudeM()));
        data.put("purpose", p.purpose());
        data.put("notes", p.notes());
        data.put("filedBy", p.filedBy());
        data.put("filed", p.filed().toString());
        data.put("status", p.status().name());
        data.put("cancelReason", p.cancelReason().orElse(""));
        extendedData(x, data);
        geometry(x, p.path().toGeometry());
        x.writeEndElement();
    }

    private static void geometry(XMLStreamWriter x, Geometry g) throws XMLStreamException {
        if (g instanceof Polygon p) {
            polygon(x, p);
        } else if (g instanceof LineString l) {
            x.writeStartElement("LineString");
            text(x, "coordinates", coordinates(l.getCoordinates()));
            x.writeEndElement();
        } else if (g instanceof Point p) {
            x.writeStartElement("Point");
            text(x, "coordinates", coordinates(p.getCoordinates()));
            x.writeEndElement();
        } else {
            x.writeStartElement("MultiGeometry");
            for (int n = 0; n < g.getNumGeometries(); n++) geometry(x, g.getGeometryN(n));
            x.writeEndElement();
        }
    }

    private static void polygon(XMLStreamWriter x, Polygon p) throws XMLStreamException {
        x.writeStartElement("Polygon");
        // KML wants the outer ring counter-clockwise (and so holes clockwise), whatever the source file used.
        ring(x, "outerBoundaryIs", oriented(p.getExteriorRing().getCoordinates(), true));
        for (int n = 0; n < p.getNumInteriorRing(); n++) {
            ring(x, "innerBoundaryIs", oriented(p.getInteriorRingN(n).getCoordinates(), false));
        }
        x.writeEndElement();
    }

    private static Coordinate[] oriented(Coordinate[] ring, boolean ccw) {
        if (ring.length < 4 || Orientation.isCCW(ring) == ccw) return ring;
        Coordinate[] r = ring.clone();
        java.util.Collections.reverse(java.util.Arrays.asList(r));
        return r;
    }

    private static void ring(XMLStreamWriter x, String boundary, Coordinate[] ring) throws XMLStreamException {
        x.writeStartElement(boundary);
        x.writeStartElement("LinearRing");
        text(x, "coordinates", coordinates(ring));
        x.writeEndElement();
        x.writeEndElement();
    }

    private static void point(XMLStreamWriter x, GeoPoint g) throws XMLStreamException {
        x.writeStartElement("Point");
        text(x, "coordinates", lonLat(g.lon(), g.lat()));
        x.writeEndElement();
    }

    private static void extendedData(XMLStreamWriter x, Map<String, String> data) throws XMLStreamException {
        x.writeStartElement("ExtendedData");
        for (var e : data.entrySet()) {
            x.writeStartElement("Data");
            x.writeAttribute("name", e.getKey());
            text(x, "value", e.getValue());
            x.writeEndElement();
        }
        x.writeEndElement();
    }

    private static String coordinates(Coordinate[] cs) {
        StringBuilder sb = new StringBuilder();
        for (Coordinate c : cs) {
            if (!sb.isEmpty()) sb.append(' ');
            sb.append(lonLat(c.x, c.y));
        }
        return sb.toString();
    }

    private static String lonLat(double lon, double lat) {
        return String.format(Locale.ROOT, "%.7f,%.7f", lon, lat);
    }

    private static String num(double v) {
        return Double.toString(v);
    }

    private static void text(XMLStreamWriter x, String element, String value) throws XMLStreamException {
        x.writeStartElement(element);
        x.writeCharacters(XmlText.clean(value));
        x.writeEndElement();
    }
}
