package org.truce.reports.export;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.truce.fusion.Track;
import java.util.List;
import org.truce.airspace.FlightPath;
import org.truce.airspace.FlightPlan;
import org.truce.geo.GeoPoint;
import org.truce.rules.Incident;

/**
 * Cursor on Target 2.0 events (MITRE event schema) for TAK clients: one {@code <event>} per incident, then one per
 * track, then one per flight plan, inside an {@code <events>} root element, since a file of several CoT messages
 * needs a root to be XML.
 *
 * <ul>
 *   <li>Incidents have type {@value #INCIDENT_TYPE} (a point of interest on the map): the center reports possible
 *       violations, not targets, so no affiliation or hostility is implied. uid {@code truce.<incident id>}.</li>
 *   <li>Tracks have type {@value #TRACK_TYPE} (an unknown-affiliation ground atom): a neutral center does not mark
 *       either party friend or hostile. uid {@code truce.<track id>}.</li>
 *   <li>{@code time} is the record's last update (incident end, track time), {@code start} the incident start,
 *       {@code stale} that time plus the configured stale period.</li>
 *   <li>{@code ce} is the 1-sigma circular error in metres the schema asks for: an incident's 95 % radius divided
 *       by {@value #R95_PER_SIGMA} (the 95 % radius of a circular normal in sigmas); a track's sigma as it is.
 *       Height is unknown: {@code hae} and {@code le} are the schema's 9999999.0.</li>
 *   <li>Flight plans are TAK drawings: a route has type {@value #ROUTE_TYPE} with one {@code <link>} waypoint
 *       ({@code b-m-p-w}) per vertex, an area type {@value #AREA_TYPE} (a free-form shape) with one {@code <link
 *       point>} per ring vertex; uid {@code truce.<plan id>}, {@code time} when filed, {@code start}/{@code stale}
 *       the window, the point the path's first vertex, the band and status in {@code <truce>}.</li>
 *   <li>{@code how} is {@code m-f} (machine, fused): every position is the center's estimate from several sensors.</li>
 * </ul>
 * Stateless and thread-safe.
 */
public final class CotExport implements ExportWriter {
    public static final String INCIDENT_TYPE = "b-m-p-s-p-i";
    public static final String TRACK_TYPE = "a-u-G";
    public static final String ROUTE_TYPE = "b-m-r";
    public static final String AREA_TYPE = "u-d-f";
    /** sqrt(-2 ln 0.05): the 95 % radius of a circular bivariate normal, in units of its 1-sigma. */
    public static final double R95_PER_SIGMA = 2.4477468306808166;
    private static final String UNKNOWN_HEIGHT = "9999999.0";

    private final Duration stale;

    /** Events stale one day after their last update. */
    public CotExport() {
        this(Duration.ofDays(1));
    }

    /** @param stale how long after its last update each event stays current for a CoT consumer */
    public CotExport(Duration stale) {
        this.stale = Objects.requireNonNull(stale);
        if (stale.isNegative()) throw new IllegalArgumentException("stale period is negative: " + stale);
    }

    /** The CoT {@code ce} (1-sigma circular error, metres) for an incident's 95 % radius. */
    public static double ce(double radius95M) {
        return radius95M / R95_PER_SIGMA;
    }

    @Override
    public void write(ExportSet set, OutputStream out) throws IOException {
        try {
            XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out, StandardCharsets.UTF_8.name());
            x.writeStartDocument(StandardCharsets.UTF_8.name(), "1.0");
            x.writeCharacters("\n");
            x.writeStartElement("events");
            for (Incident i : set.incidents()) {
                x.writeCharacters("\n");
                event(x, "truce." + i.id(), INCIDENT_TYPE, i.end(), i.start(), i.place(), ce(i.uncertaintyM()));
                x.writeStartElement("detail");
                x.writeEmptyElement("contact");
                x.writeAttribute("callsign", i.id());
                x.writeEmptyElement("truce");
                x.writeAttribute("provision", i.provision().value());
                x.writeAttribute("provisionVersion", Integer.toString(i.provisionVersion()));
                x.writeAttribute("rule", i.rule().value());
                x.writeAttribute("ruleType", i.ruleType());
                x.writeAttribute("zone", i.zone().value());
                x.writeAttribute("party", i.party().map(p -> p.value()).orElse(""));
                x.writeAttribute("partyName", XmlText.clean(set.partyName(i).orElse("")));
                x.writeAttribute("attributionConfidence", Double.toString(i.attributionConfidence()));
                x.writeAttribute("uncertaintyM", Double.toString(i.uncertaintyM()));
                x.writeAttribute("state", i.state().name());
                x.writeStartElement("remarks");
                x.writeCharacters(XmlText.clean(i.summary()));
                x.writeEndElement();
                x.writeEndElement();
                x.writeEndElement();
            }
            for (Track t : set.tracks()) {
                x.writeCharacters("\n");
                event(x, "truce." + t.id(), TRACK_TYPE, t.time(), t.time(), t.position(), t.sigmaM());
                x.writeStartElement("detail");
                x.writeEmptyElement("contact");
                x.writeAttribute("callsign", t.id());
                x.writeEmptyElement("truce");
                x.writeAttribute("objectClass", t.objectClass().name());
                x.writeAttribute("side", t.side().map(p -> p.value()).orElse(""));
                x.writeAttribute("sideConfidence", Double.toString(t.sideConfidence()));
                x.writeAttribute("size", Integer.toString(t.size()));
                x.writeAttribute("status", t.status().name());
                x.writeEndElement();
                x.writeEndElement();
            }
            for (FlightPlan p : set.flightPlans()) {
                x.writeCharacters("\n");
                flightPlan(x, p);
            }
            x.writeCharacters("\n");
            x.writeEndElement();
            x.writeEndDocument();
            x.flush();
            x.close();
        } catch (XMLStreamException e) {
            throw new IOException("cannot write Cursor on Target: " + e.getMessage(), e);
        }
    }

    private static void flightPlan(XMLStreamWriter x, FlightPlan p) throws XMLStreamException {
        boolean route = p.path().shape() == FlightPath.Shape.ROUTE;
        List<GeoPoint> points = p.path().points();
        x.writeStartElement("event");
        x.writeAttribute("version", "2.0");
        x.writeAttribute("uid", XmlText.clean("truce." + p.id().value()));
        x.writeAttribute("type", route ? ROUTE_TYPE : AREA_TYPE);
        x.writeAttribute("how", "h-e");
        x.writeAttribute("time", p.filed().toString());
        x.writeAttribute("start", p.from().toString());
        x.writeAttribute("stale", p.to().toString());
        x.writeEmptyElement("point");
        x.writeAttribute("lat", coord(points.get(0).lat()));
        x.writeAttribute("lon", coord(points.get(0).lon()));
        x.writeAttribute("hae", UNKNOWN_HEIGHT);
        x.writeAttribute("ce", UNKNOWN_HEIGHT);
        x.writeAttribute("le", UNKNOWN_HEIGHT);
        x.writeStartElement("detail");
        for (int i = 0; i < points.size(); i++) {
            GeoPoint g = points.get(i);
            x.writeEmptyElement("link");
            if (route) {
                x.writeAttribute("uid", XmlText.clean("truce." + p.id().value() + "." + i));
                x.writeAttribute("callsign", XmlText.clean(p.id().value() + " " + (i + 1)));
                x.writeAttribute("type", "b-m-p-w");
                x.writeAttribute("relation", "c");
            }
            x.writeAttribute("point", coord(g.lat()) + "," + coord(g.lon()));
        }
        x.writeEmptyElement("contact");
        x.writeAttribute("callsign", XmlText.clean(p.id().value() + " " + p.asset().value()));
        x.writeEmptyElement("truce");
        x.writeAttribute("asset", XmlText.clean(p.asset().value()));
        x.writeAttribute("contingent", XmlText.clean(p.contingent().value()));
        x.writeAttribute("minAltitudeM", Double.toString(p.minAltitudeM()));
        x.writeAttribute("maxAltitudeM", Double.toString(p.maxAltitudeM()));
        x.writeAttribute("status", p.status().name());
        x.writeStartElement("remarks");
        x.writeCharacters(XmlText.clean(p.purpose() + (p.notes().isEmpty() ? "" : " – " + p.notes())));
        x.writeEndElement();
        x.writeEndElement();
        x.writeEndElement();
    }

    private static String coord(double v) {
        return String.format(Locale.ROOT, "%.7f", v);
    }

    /** Opens an {@code <event>} and writes its {@code <point>}; the caller writes the detail and closes it. */
    private void event(XMLStreamWriter x, String uid, String type, Instant time, Instant start, GeoPoint at, double ce)
            throws XMLStreamException {
        x.writeStartElement("event");
        x.writeAttribute("version", "2.0");
        x.writeAttribute("uid", XmlText.clean(uid));
        x.writeAttribute("type", type);
        x.writeAttribute("how", "m-f");
        x.writeAttribute("time", time.toString());
        x.writeAttribute("start", start.toString());
        x.writeAttribute("stale", time.plus(stale).toString());
        x.writeEmptyElement("point");
        x.writeAttribute("lat", String.format(Locale.ROOT, "%.7f", at.lat()));
        x.writeAttribute("lon", String.format(Locale.ROOT, "%.7f", at.lon()));
        x.writeAttribute("hae", UNKNOWN_HEIGHT);
        x.writeAttribute("ce", String.format(Locale.ROOT, "%.1f", ce));
        x.writeAttribute("le", UNKNOWN_HEIGHT);
    }
}
