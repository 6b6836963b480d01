package org.truce.server.ogc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.locationtech.jts.geom.Envelope;
import org.truce.server.api.ProblemException;
import org.truce.server.api.QueryParams;

/**
 * OGC API – Features – Part 1 (Core, GeoJSON, HTML, OpenAPI 3.0) under {@code /ogc}: the landing page, the
 * conformance declaration, the OpenAPI definition, the collections and their items with {@code bbox},
 * {@code datetime}, {@code limit} and {@code offset}. Coordinates are WGS 84 lon/lat (CRS84). Links are absolute,
 * built from the request's scheme and Host header. Unknown parameters and malformed values are 400 problems; an
 * unknown collection or feature is a 404 problem. A {@code limit} above {@link #MAX_LIMIT} is served as
 * {@link #MAX_LIMIT} (the standard forbids an error there). Thread-safe: no per-request state is kept.
 */
public final class OgcHandlers {
    public static final int DEFAULT_LIMIT = 10;
    public static final int MAX_LIMIT = 10_000;
    static final String CONF = "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/";
    static final List<String> CONFORMANCE = List.of(CONF + "core", CONF + "geojson", CONF + "oas30", CONF + "html");
    private static final String JSON = "application/json";
    private static final String GEOJSON = "application/geo+json";
    private static final String HTML = "text/html";
    private static final String OPENAPI = "application/vnd.oai.openapi+json;version=3.0";

    private final Map<String, OgcCollection> collections;
    private final ObjectMapper mapper;
    private final Supplier<Instant> now;
    private final String openApi;

    /**
     * @param collections the collections by id, in listing order
     * @param now         the center's clock, for {@code timeStamp}
     * @param openApi     the OpenAPI 3.0 document of the {@code /ogc} endpoints, served at {@code /ogc/api}
     */
    public OgcHandlers(Map<String, OgcCollection> collections, ObjectMapper mapper, Supplier<Instant> now,
                       String openApi) {
        this.collections = Collections.unmodifiableMap(new LinkedHashMap<>(collections));
        this.mapper = mapper;
        this.now = now;
        this.openApi = openApi;
    }

    public void landing(Context ctx) {
        OgcFormat format = format(ctx, params(ctx, "f"));
        String base = base(ctx);
        ObjectNode doc = mapper.createObjectNode();
        doc.put("title", "Truce monitoring center – OGC API Features");
        doc.put("description", "The joint monitoring center's zones, incidents, tracks, sensor coverage, published "
                + "findings and flight plans as OGC API – Features collections (GeoJSON, WGS 84 lon/lat). Read-only.");
        ArrayNode links = doc.putArray("links");
        selfAndAlternate(links, base, format, JSON, "this document");
        link(links, base + "/api", "service-desc", OPENAPI, "the API definition (OpenAPI 3.0)");
        link(links, base + "/api?f=html", "service-doc", HTML, "the API definition, readable");
        link(links, base + "/conformance", "conformance", JSON, "OGC API conformance classes implemented");
        link(links, base + "/conformance", "http://www.opengis.net/def/rel/ogc/1.0/conformance", JSON,
                "OGC API conformance classes implemented");
        link(links, base + "/collections", "data", JSON, "the feature collections");
        link(links, base + "/collections", "http://www.opengis.net/def/rel/ogc/1.0/data", JSON,
                "the feature collections");
        respond(ctx, format, JSON, "Truce – OGC API Features", doc);
    }

    public void conformance(Context ctx) {
        OgcFormat format = format(ctx, params(ctx, "f"));
        ObjectNode doc = mapper.createObjectNode();
        ArrayNode conformsTo = doc.putArray("conformsTo");
        CONFORMANCE.forEach(conformsTo::add);
        ArrayNode links = doc.putArray("links");
        selfAndAlternate(links, base(ctx) + "/conformance", format, JSON, "conformance classes");
        respond(ctx, format, JSON, "Conformance classes", doc);
    }

    public void api(Context ctx) {
        OgcFormat format = format(ctx, params(ctx, "f"));
        if (format == OgcFormat.JSON) {
            ctx.contentType(OPENAPI + "; charset=utf-8").result(openApi);
            return;
        }
        JsonNode doc = read(openApi);
        ObjectNode page = mapper.createObjectNode();
        page.put("description", doc.path("info").path("description").asText());
        ArrayNode links = page.putArray("links");
        link(links, base(ctx) + "/api?f=json", "service-desc", OPENAPI, "the OpenAPI 3.0 document");
        ArrayNode paths = page.putArray("paths");
        doc.path("paths").fields().forEachRemaining(p -> p.getValue().fields().forEachRemaining(op ->
                paths.add(op.getKey().toUpperCase(Locale.ROOT) + " /ogc" + p.getKey() + " – "
                        + op.getValue().path("summary").asText())));
        respond(ctx, format, JSON, doc.path("info").path("title").asText(), page);
    }

    public void collections(Context ctx) {
        OgcFormat format = format(ctx, params(ctx, "f"));
        String base = base(ctx);
        ObjectNode doc = mapper.createObjectNode();
        ArrayNode links = doc.putArray("links");
        selfAndAlternate(links, base + "/collections", format, JSON, "the feature collections");
        ArrayNode list = doc.putArray("collections");
        collections.values().forEach(c -> list.add(describe(c, base)));
        respond(ctx, format, JSON, "Feature collections", doc);
    }

    public void collection(Context ctx) {
        OgcFormat format = format(ctx, params(ctx, "f"));
        OgcCollection c = collection(ctx.pathParam("collectionId"));
        ObjectNode doc = describe(c, base(ctx));
        respond(ctx, format, JSON, c.title(), doc);
    }

    public void items(Context ctx) {
        QueryParams q = params(ctx, "f", "bbox", "datetime", "limit", "offset");
        OgcFormat format = format(ctx, q);
        OgcCollection c = collection(ctx.pathParam("collectionId"));
        Optional<BoundingBox> bbox = q.string("bbox").map(s -> BoundingBox.parse("bbox", s));
        Optional<TimeInterval> time = q.string("datetime").map(s -> TimeInterval.parse("datetime", s));
        int limit = Math.min(MAX_LIMIT, q.integer("limit", DEFAULT_LIMIT, 1, Integer.MAX_VALUE));
        int offset = q.integer("offset", 0, 0, Integer.MAX_VALUE);
        FeatureSource.Matches matched = c.source().match(bbox, time, offset, limit);
        List<OgcFeature> page = matched.page();
        String itemsUrl = base(ctx) + "/collections/" + segment(c.id()) + "/items";
        ObjectNode doc = mapper.createObjectNode();
        doc.put("type", "FeatureCollection");
        doc.put("title", c.title());
        ArrayNode features = doc.putArray("features");
        page.forEach(f -> features.add(f.geoJson().deepCopy()));
        doc.put("numberMatched", matched.numberMatched());
        doc.put("numberReturned", page.size());
        doc.put("timeStamp", now.get().toString());
        ArrayNode links = doc.putArray("links");
        String query = query(bbox.isPresent() ? q.string("bbox") : Optional.empty(),
                time.isPresent() ? q.string("datetime") : Optional.empty(), limit);
        selfAndAlternate(links, itemsUrl + query + "&offset=" + offset, format, GEOJSON, "this page");
        if ((long) offset + page.size() < matched.numberMatched()) {
            link(links, itemsUrl + query + "&offset=" + (offset + page.size()) + fParam(format), "next",
                    mediaType(format, GEOJSON), "next page");
        }
        if (offset > 0) {
            link(links, itemsUrl + query + "&offset=" + Math.max(0, offset - limit) + fParam(format), "prev",
                    mediaType(format, GEOJSON), "previous page");
        }
        link(links, base(ctx) + "/collections/" + segment(c.id()), "collection", JSON, c.title());
        respond(ctx, format, GEOJSON, c.title(), doc);
    }

    public void item(Context ctx) {
        OgcFormat format = format(ctx, params(ctx, "f"));
        OgcCollection c = collection(ctx.pathParam("collectionId"));
        String id = ctx.pathParam("featureId");
        OgcFeature f = c.source().find(id).orElseThrow(() -> ProblemException.notFound("featureId", "collection '" + c.id()
                        + "' has no feature with id '" + id + "'"));
        ObjectNode doc = f.geoJson().deepCopy();
        ArrayNode links = doc.putArray("links");
        String collectionUrl = base(ctx) + "/collections/" + segment(c.id());
        selfAndAlternate(links, collectionUrl + "/items/" + segment(id), format, GEOJSON, "this feature");
        link(links, collectionUrl, "collection", JSON, c.title());
        respond(ctx, format, GEOJSON, c.title() + ": " + id, doc);
    }

    /** One path segment, percent-encoded (ids such as {@code loc:am-held#0} carry reserved characters). */
    static String segment(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private ObjectNode describe(OgcCollection c, String base) {
        ObjectNode n = mapper.createObjectNode();
        n.put("id", c.id());
        n.put("title", c.title());
        n.put("description", c.description());
        n.put("itemType", "feature");
        n.putArray("crs").add("http://www.opengis.net/def/crs/OGC/1.3/CRS84");
        FeatureSource.Extent extent = c.source().extent();
        Envelope all = extent.spatial();
        ObjectNode extentNode = n.putObject("extent");
        if (!all.isNull()) {
            ObjectNode spatial = extentNode.putObject("spatial");
            spatial.putArray("bbox").addArray().add(all.getMinX()).add(all.getMinY()).add(all.getMaxX()).add(all.getMaxY());
            spatial.put("crs", "http://www.opengis.net/def/crs/OGC/1.3/CRS84");
        }
        extent.temporal().ifPresent(t -> {
            ObjectNode temporal = extentNode.putObject("temporal");
            ArrayNode interval = temporal.putArray("interval").addArray();
            for (String s : t.asExtent()) interval.add(s);
            temporal.put("trs", "http://www.opengis.net/def/uom/ISO-8601/0/Gregorian");
        });
        ArrayNode links = n.putArray("links");
        String url = base + "/collections/" + segment(c.id());
        link(links, url, "self", JSON, c.title());
        link(links, url + "?f=html", "alternate", HTML, c.title() + " as HTML");
        link(links, url + "/items", "items", GEOJSON, c.title() + " (GeoJSON)");
        link(links, url + "/items?f=html", "items", HTML, c.title() + " (HTML)");
        return n;
    }

    private OgcCollection collection(String id) {
        OgcCollection c = collections.get(id);
        if (c == null) {
            throw ProblemException.notFound("collectionId", "no collection '" + id + "'; collections: "
                    + String.join(", ", collections.keySet()));
        }
        return c;
    }

    private static String query(Optional<String> bbox, Optional<String> datetime, int limit) {
        StringBuilder s = new StringBuilder("?limit=").append(limit);
        bbox.ifPresent(b -> s.append("&bbox=").append(URLEncoder.encode(b, StandardCharsets.UTF_8)));
        datetime.ifPresent(d -> s.append("&datetime=").append(URLEncoder.encode(d, StandardCharsets.UTF_8)));
        return s.toString();
    }

    private static void selfAndAlternate(ArrayNode links, String url, OgcFormat format, String jsonType, String title) {
        String sep = url.contains("?") ? "&" : "?";
        OgcFormat other = format == OgcFormat.JSON ? OgcFormat.HTML : OgcFormat.JSON;
        link(links, url + (format == OgcFormat.HTML ? sep + "f=html" : ""), "self", mediaType(format, jsonType), title);
        link(links, url + sep + "f=" + (other == OgcFormat.HTML ? "html" : "json"), "alternate",
                mediaType(other, jsonType), title + (other == OgcFormat.HTML ? " as HTML" : " as JSON"));
    }

    private static String fParam(OgcFormat format) {
        return format == OgcFormat.HTML ? "&f=html" : "";
    }

    private static String mediaType(OgcFormat format, String jsonType) {
        return format == OgcFormat.HTML ? HTML : jsonType;
    }

    private static void link(ArrayNode links, String href, String rel, String type, String title) {
        links.addObject().put("href", href).put("rel", rel).put("type", type).put("title", title);
    }

    private void respond(Context ctx, OgcFormat format, String jsonType, String title, JsonNode doc) {
        if (format == OgcFormat.HTML) {
            ctx.contentType(HTML + "; charset=utf-8").result(OgcHtml.page(title, doc));
        } else {
            try {
                ctx.contentType(jsonType + "; charset=utf-8").result(mapper.writeValueAsString(doc));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private JsonNode read(String json) {
        try {
            return mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the OGC OpenAPI resource is not JSON", e);
        }
    }

    private static QueryParams params(Context ctx, String... allowed) {
        return new QueryParams(ctx.queryParamMap(), List.of(allowed));
    }

    private static OgcFormat format(Context ctx, QueryParams q) {
        return OgcFormat.negotiate(q.string("f"), Optional.ofNullable(ctx.header("Accept")));
    }

    /** The {@code /ogc} root as the client addressed it, e.g. {@code http://127.0.0.1:7070/ogc}. */
    private static String base(Context ctx) {
        return ctx.scheme() + "://" + ctx.host() + "/ogc";
    }
}
