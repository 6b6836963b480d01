package org.truce.ingest.cot;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.truce.ingest.Reasons;
import org.truce.ingest.RejectedInput;

/**
 * Reads and writes CoT XML events. The reader refuses any DOCTYPE (so no external entity and no entity expansion
 * can ever be resolved): the StAX factory has DTD support and external entities switched off, and a DTD event is
 * refused with {@code forbidden-dtd}. Thread-safe (the factory is configured once and only read).
 */
public final class CotXml {
    private static final XMLInputFactory FACTORY = secureFactory();

    private CotXml() {}

    private static XMLInputFactory secureFactory() {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        return f;
    }

    /** Parses one {@code <event>}; throws {@link RejectedInput} ({@code malformed}, {@code forbidden-dtd}). */
    public static CotEvent parse(byte[] xml) {
        XMLStreamReader r = null;
        try {
            r = FACTORY.createXMLStreamReader(new ByteArrayInputStream(xml));
            CotEvent e = null;
            while (r.hasNext()) {
                int ev = r.next();
                if (ev == XMLStreamConstants.DTD || ev == XMLStreamConstants.ENTITY_DECLARATION) {
                    throw new RejectedInput(Reasons.FORBIDDEN_DTD, "CoT XML with a DOCTYPE is refused (line "
                            + r.getLocation().getLineNumber() + ")");
                }
                if (ev == XMLStreamConstants.ENTITY_REFERENCE) {
                    throw new RejectedInput(Reasons.FORBIDDEN_DTD, "CoT XML entity reference &" + r.getLocalName()
                            + "; is refused (line " + r.getLocation().getLineNumber() + ")");
                }
                if (ev == XMLStreamConstants.START_ELEMENT && e == null) {
                    if (!"event".equals(r.getLocalName())) {
                        throw new RejectedInput(Reasons.MALFORMED, "root element is <" + r.getLocalName()
                                + ">, expected <event>");
                    }
                    e = event(r);
                }
            }
            if (e == null) throw new RejectedInput(Reasons.MALFORMED, "no <event> element");
            return e;
        } catch (XMLStreamException | RuntimeException ex) {
            if (ex instanceof RejectedInput ri) throw ri;
            throw new RejectedInput(Reasons.MALFORMED, "CoT XML: " + oneLine(ex.getMessage()));
        } finally {
            if (r != null) {
                try {
                    r.close();
                } catch (XMLStreamException ignored) {
                    // nothing was held open but the byte array
                }
            }
        }
    }

    /** Parses the inner XML of a {@code <detail>} (the TAK protocol's {@code xmlDetail}). */
    public static CotEvent.Detail parseDetail(String innerXml) {
        String doc = "<event uid='x' type='x' time='1970-01-01T00:00:00Z' start='1970-01-01T00:00:00Z' "
                + "stale='1970-01-01T00:00:00Z' how='x'><point lat='0' lon='0'/><detail>"
                + innerXml + "</detail></event>";
        return parse(doc.getBytes(StandardCharsets.UTF_8)).detail();
    }

    private static CotEvent event(XMLStreamReader r) throws XMLStreamException {
        String uid = required(r, "uid"), type = required(r, "type");
        String how = Optional.ofNullable(r.getAttributeValue(null, "how")).orElse("");
        Instant time = instant(r, "time"), start = instant(r, "start"), stale = instant(r, "stale");
        double lat = 0, lon = 0, hae = CotEvent.UNKNOWN_ERROR, ce = CotEvent.UNKNOWN_ERROR, le = CotEvent.UNKNOWN_ERROR;
        boolean point = false;
        Optional<String> link = Optional.empty(), callsign = Optional.empty(), remarks = Optional.empty();
        Optional<Double> course = Optional.empty(), speed = Optional.empty();
        Map<String, String> truce = new HashMap<>(), tak = new HashMap<>();
        int depth = 1;
        while (depth > 0 && r.hasNext()) {
            int ev = r.next();
            if (ev == XMLStreamConstants.ENTITY_REFERENCE) {
                throw new RejectedInput(Reasons.FORBIDDEN_DTD, "CoT XML entity reference &" + r.getLocalName()
                        + "; is refused");
            }
            if (ev == XMLStreamConstants.END_ELEMENT) {
                depth--;
                continue;
            }
            if (ev != XMLStreamConstants.START_ELEMENT) continue;
            depth++;
            switch (r.getLocalName()) {
                case "point" -> {
                    point = true;
                    lat = number(r, "lat", Double.NaN);
                    lon = number(r, "lon", Double.NaN);
                    hae = number(r, "hae", CotEvent.UNKNOWN_ERROR);
                    ce = number(r, "ce", CotEvent.UNKNOWN_ERROR);
                    le = number(r, "le", CotEvent.UNKNOWN_ERROR);
                }
                case "link" -> {
                    if ("p-p".equals(r.getAttributeValue(null, "relation")) && r.getAttributeValue(null, "uid") != null) {
                        link = Optional.of(r.getAttributeValue(null, "uid"));
                    }
                }
                case "contact" -> callsign = Optional.ofNullable(r.getAttributeValue(null, "callsign"));
                case "track" -> {
                    course = optionalNumber(r, "course");
                    speed = optionalNumber(r, "speed");
                }
                case "remarks" -> {
                    remarks = Optional.of(r.getElementText());
                    depth--;
                }
                case "_truce" -> attributes(r, truce);
                case "TakRequest" -> tak.put("request", Optional.ofNullable(r.getAttributeValue(null, "version")).orElse(""));
                case "TakResponse" -> tak.put("response", Optional.ofNullable(r.getAttributeValue(null, "status")).orElse(""));
                case "TakProtocolSupport" -> tak.put("support", Optional.ofNullable(r.getAttributeValue(null, "version")).orElse(""));
                default -> { }
            }
        }
        if (!point && !type.startsWith("t-")) throw new RejectedInput(Reasons.MALFORMED, "CoT event " + uid + " has no <point>");
        return new CotEvent(uid, type, how, time, start, stale, lat, lon, hae, ce, le,
                new CotEvent.Detail(link, callsign, remarks, course, speed, truce, tak, ""));
    }

    private static void attributes(XMLStreamReader r, Map<String, String> into) {
        for (int i = 0; i < r.getAttributeCount(); i++) into.put(r.getAttributeLocalName(i), r.getAttributeValue(i));
    }

    private static String required(XMLStreamReader r, String name) {
        String v = r.getAttributeValue(null, name);
        if (v == null || v.isBlank()) throw new RejectedInput(Reasons.MALFORMED, "<event> lacks attribute " + name);
        return v;
    }

    private static Instant instant(XMLStreamReader r, String name) {
        String v = required(r, name);
        try {
            return Instant.parse(v);
        } catch (DateTimeParseException e) {
            throw new RejectedInput(Reasons.MALFORMED, "<event " + name + "=\"" + v + "\"> is not an ISO-8601 UTC time");
        }
    }

    private static double number(XMLStreamReader r, String name, double absent) {
        String v = r.getAttributeValue(null, name);
        if (v == null) return absent;
        try {
            return Double.parseDouble(v.trim());
        } catch (NumberFormatException e) {
            throw new RejectedInput(Reasons.MALFORMED, "<" + r.getLocalName() + " " + name + "=\"" + v + "\"> is not a number");
        }
    }

    private static Optional<Double> optionalNumber(XMLStreamReader r, String name) {
        return r.getAttributeValue(null, name) == null ? Optional.empty() : Optional.of(number(r, name, 0));
    }

    private static String oneLine(String s) {
        return s == null ? "unreadable" : s.replaceAll("\\s+", " ").trim();
    }

    /** Writes an event as a standalone XML document (UTF-8, no DOCTYPE). */
    public static String write(CotEvent e) {
        StringBuilder sb = new StringBuilder(256 + e.detail().xml().length());
        sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>");
        sb.append("<event version=\"2.0\" uid=\"").append(attr(e.uid())).append("\" type=\"").append(attr(e.type()))
                .append("\" how=\"").append(attr(e.how())).append("\" time=\"").append(e.time())
                .append("\" start=\"").append(e.start()).append("\" stale=\"").append(e.stale()).append("\">");
        sb.append(String.format(Locale.ROOT, "<point lat=\"%.7f\" lon=\"%.7f\" hae=\"%.1f\" ce=\"%.1f\" le=\"%.1f\"/>",
                e.lat(), e.lon(), e.hae(), e.ce(), e.le()));
        sb.append("<detail>").append(e.detail().xml()).append("</detail></event>");
        return sb.toString();
    }

    /** Escapes text for an XML attribute or element. */
    public static String attr(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&apos;");
                default -> sb.append(c < 0x20 && c != '\t' && c != '\n' && c != '\r' ? ' ' : c);
            }
        }
        return sb.toString();
    }
}
