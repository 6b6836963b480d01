package org.truce.server.ogc;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Renders an OGC JSON resource (landing page, conformance, collections, a collection, items, a feature) as a
 * plain, readable UTF-8 HTML page: the title and description, the links as anchors, features as a table of
 * their properties, and anything else as nested definition lists. Every value is HTML-escaped. Stateless.
 */
public final class OgcHtml {
    private OgcHtml() {}

    /** The page for {@code doc}, titled {@code title}. */
    public static String page(String title, JsonNode doc) {
        StringBuilder b = new StringBuilder(4096);
        b.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>").append(esc(title))
                .append("</title><style>body{font-family:sans-serif;margin:1.5em}table{border-collapse:collapse}"
                        + "td,th{border:1px solid #bbb;padding:2px 6px;text-align:left;vertical-align:top}"
                        + "dt{font-weight:bold}</style></head><body>\n<h1>").append(esc(title)).append("</h1>\n");
        if (doc.hasNonNull("description")) b.append("<p>").append(esc(doc.get("description").asText())).append("</p>\n");
        if (doc.has("links")) links(b, doc.get("links"));
        if (doc.has("features")) {
            b.append("<p>").append(doc.path("numberReturned").asInt(doc.get("features").size()))
                    .append(" features returned");
            if (doc.has("numberMatched")) b.append(" of ").append(doc.get("numberMatched").asLong()).append(" matched");
            b.append(".</p>\n");
            features(b, doc.get("features"));
        } else if (doc.has("properties")) {
            b.append("<h2>Properties</h2>");
            value(b, doc.get("properties"));
            b.append("<h2>Geometry</h2><pre>").append(esc(doc.path("geometry").toString())).append("</pre>\n");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = doc.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (Set.of("title", "description", "links", "features", "properties", "geometry", "type")
                    .contains(e.getKey())) continue;
            b.append("<h2>").append(esc(e.getKey())).append("</h2>\n");
            value(b, e.getValue());
        }
        return b.append("</body></html>\n").toString();
    }

    private static void links(StringBuilder b, JsonNode links) {
        b.append("<ul>\n");
        for (JsonNode l : links) {
            String label = l.hasNonNull("title") ? l.get("title").asText() : l.path("rel").asText();
            b.append("<li><a href=\"").append(esc(l.path("href").asText())).append("\">").append(esc(label))
                    .append("</a> (").append(esc(l.path("rel").asText())).append(", ")
                    .append(esc(l.path("type").asText())).append(")</li>\n");
        }
        b.append("</ul>\n");
    }

    private static void features(StringBuilder b, JsonNode features) {
        Set<String> columns = new LinkedHashSet<>();
        features.forEach(f -> f.path("properties").fieldNames().forEachRemaining(columns::add));
        b.append("<table><tr>");
        columns.forEach(c -> b.append("<th>").append(esc(c)).append("</th>"));
        b.append("</tr>\n");
        for (JsonNode f : features) {
            b.append("<tr>");
            for (String c : columns) {
                JsonNode v = f.path("properties").path(c);
                b.append("<td>");
                if (c.equals("id")) {
                    b.append("<a href=\"items/").append(esc(OgcHandlers.segment(v.asText()))).append("?f=html\">")
                            .append(esc(v.asText())).append("</a>");
                } else if (!v.isMissingNode() && !v.isNull()) {
                    b.append(esc(v.isValueNode() ? v.asText() : v.toString()));
                }
                b.append("</td>");
            }
            b.append("</tr>\n");
        }
        b.append("</table>\n");
    }

    private static void value(StringBuilder b, JsonNode v) {
        if (v.isObject()) {
            b.append("<dl>\n");
            v.fields().forEachRemaining(e -> {
                b.append("<dt>").append(esc(e.getKey())).append("</dt><dd>");
                value(b, e.getValue());
                b.append("</dd>\n");
            });
            b.append("</dl>\n");
        } else if (v.isArray()) {
            b.append("<ul>\n");
            for (JsonNode item : v) {
                b.append("<li>");
                if (item.isObject() && item.has("links")) {
                    b.append("<strong>").append(esc(item.path("title").asText(item.path("id").asText())))
                            .append("</strong> ").append(esc(item.path("description").asText()));
                    links(b, item.get("links"));
                } else {
                    value(b, item);
                }
                b.append("</li>\n");
            }
            b.append("</ul>\n");
        } else {
            b.append(esc(v.asText()));
        }
    }

    static String esc(String s) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
