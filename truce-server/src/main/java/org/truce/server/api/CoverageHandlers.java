package org.truce.server.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.truce.codec.GeoJsonFeatures;
import org.truce.pipeline.CoverageRecorder;
import org.truce.server.coverage.CoverageView;

/**
 * {@code GET /api/coverage} and {@code GET /api/coverage/summary}: where the sensors looked. A cell (line-of-contact
 * segment or zone) that nobody looked at is reported as {@code observed: false} — "no coverage", which is not
 * "nothing happened". Without a coverage source both endpoints answer 404. Thread-safe: the cells' GeoJSON
 * geometries are written once, lazily; everything else is read from the view per request.
 */
public final class CoverageHandlers {
    /** Default and largest span of a {@code /api/coverage} request. */
    static final Duration DEFAULT_SPAN = Duration.ofHours(1);
    static final Duration MAX_SPAN = Duration.ofDays(31);

    private final Optional<CoverageView> view;
    private final ObjectMapper mapper;
    private final Supplier<Instant> now;
    private volatile Map<String, JsonNode> geometries;

    /** @param now the center's clock, for the default interval (the last hour) */
    public CoverageHandlers(Optional<CoverageView> view, ObjectMapper mapper, Supplier<Instant> now) {
        this.view = view;
        this.mapper = mapper;
        this.now = now;
    }

    public void coverage(Context ctx) {
        QueryParams q = new QueryParams(ctx.queryParamMap(), List.of("from", "to"));
        Optional<Instant> from = q.instant("from");
        Optional<Instant> to = q.instant("to");
        QueryParams.requireOrdered(from, to);
        CoverageView v = source();
        Instant end = to.orElseGet(() -> from.map(f -> f.plus(DEFAULT_SPAN)).orElseGet(now));
        Instant start = from.orElse(end.minus(DEFAULT_SPAN));
        if (Duration.between(start, end).compareTo(MAX_SPAN) > 0) {
            throw ProblemException.badParameter("to", "the interval from " + start + " to " + end
                    + " is longer than the largest allowed, " + MAX_SPAN.toDays() + " days");
        }
        Map<String, JsonNode> geo = geometries(v);
        ObjectNode fc = mapper.createObjectNode();
        fc.put("type", "FeatureCollection");
        ArrayNode features = fc.putArray("features");
        for (CoverageRecorder.CellCoverage c : v.coverage(start, end)) {
            ObjectNode f = GeoJsonFeatures.feature(c.id(), geo.get(c.id()));
            features.add(f);
            ObjectNode p = GeoJsonFeatures.properties(f);
            p.put("id", c.id());
            p.put("kind", kind(c.kind()));
            p.put("observed", c.observed());
            p.put("probability", c.probability());
            ArrayNode assets = p.putArray("assets");
            c.assets().forEach(assets::add);
            ObjectNode byAsset = p.putObject("byAsset");
            c.byAsset().forEach(byAsset::put);
            p.put("from", c.from().toString());
            p.put("to", c.to().toString());
        }
        ctx.contentType("application/geo+json; charset=utf-8").result(write(fc));
    }

    public void summary(Context ctx) {
        QueryParams q = new QueryParams(ctx.queryParamMap(), List.of("date"));
        String raw = q.string("date").orElseThrow(() -> ProblemException.badParameter("date",
                "parameter 'date' is required: a UTC day such as 2020-11-20"));
        LocalDate date;
        try {
            date = LocalDate.parse(raw.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.badParameter("date", "parameter 'date' must be a day YYYY-MM-DD, such as "
                    + "2020-11-20; got '" + raw + "'");
        }
        CoverageRecorder.DaySummary s = source().summary(date);
        ObjectNode out = mapper.createObjectNode();
        out.put("date", s.date().toString());
        out.put("bin", s.bin().toString());
        out.put("retainedFrom", s.retainedFrom().toString());
        ArrayNode segments = out.putArray("segments");
        ArrayNode zones = out.putArray("zones");
        for (CoverageRecorder.CellShare c : s.cells()) {
            ObjectNode n = (c.kind() == CoverageRecorder.CellKind.SEGMENT ? segments : zones).addObject();
            n.put("id", c.id());
            n.put("observedBins", c.observedBins());
            n.put("bins", c.bins());
            n.put("share", c.share());
        }
        ctx.contentType("application/json; charset=utf-8").result(write(out));
    }

    private CoverageView source() {
        return view.orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND,
                "this server records no coverage (no coverage source is configured)", Optional.empty()));
    }

    private Map<String, JsonNode> geometries(CoverageView v) {
        Map<String, JsonNode> g = geometries;
        if (g == null) {
            Map<String, JsonNode> built = new java.util.HashMap<>();
            for (CoverageRecorder.Cell c : v.cells()) built.put(c.id(), GeoJsonFeatures.geometry(c.geometry()));
            g = Map.copyOf(built);
            geometries = g;
        }
        return g;
    }

    private static String kind(CoverageRecorder.CellKind k) {
        return k.name().toLowerCase(Locale.ROOT);
    }

    private String write(JsonNode n) {
        try {
            return mapper.writeValueAsString(n);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
