package org.truce.server.airspace;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.truce.codec.GeoJsonFeatures;
import org.truce.airspace.Filing;
import org.truce.airspace.FlightPath;
import org.truce.airspace.FlightPlan;
import org.truce.airspace.FlightPlanId;
import org.truce.airspace.FlightPlans;
import org.truce.cases.Refusal;
import org.truce.ground.AssetId;
import org.truce.server.ServerModule;
import org.truce.server.api.ProblemException;
import org.truce.server.api.QueryParams;
import org.truce.server.api.RefusalProblems;
import org.truce.server.auth.RequestPrincipal;
import org.truce.server.cases.JsonBody;
import org.truce.server.ogc.OgcCollection;
import org.truce.server.ogc.OgcFeature;
import org.truce.server.ogc.TimeInterval;

/**
 * Flight plans over HTTP and as the OGC collection {@code flight-plans}:
 * <ul>
 *   <li>{@code POST /api/flight-plans} files a plan (201 with the plan) — staff of the contingent owning the asset;</li>
 *   <li>{@code GET /api/flight-plans[?from&to&asset]} lists plans whose window meets [from, to], by id;</li>
 *   <li>{@code GET /api/flight-plans/{id}} reads one;</li>
 *   <li>{@code POST /api/flight-plans/{id}/cancel} cancels one (body {@code {"reason": "…"}}, optional).</li>
 * </ul>
 * Who may call which route is {@link org.truce.server.auth.RoutePolicy}'s; which contingent may file or cancel for
 * an asset is the core's ({@link FlightPlans}), whose refusals become problems (403, 404, 409, 422). A malformed
 * body or an unknown field is a 400 problem naming the field. Thread-safe as the desk is.
 */
public final class FlightPlansModule implements ServerModule {
    private static final Set<String> FIELDS = Set.of("asset", "path", "from", "to", "minAltitudeM", "maxAltitudeM",
            "purpose", "notes");

    private final FlightPlans desk;
    private final ObjectMapper mapper;

    public FlightPlansModule(FlightPlans desk, ObjectMapper mapper) {
        this.desk = Objects.requireNonNull(desk, "desk");
        this.mapper = Objects.requireNonNull(mapper, "mapper");
    }

    @Override
    public void register(Javalin app) {
        app.post("/api/flight-plans", guarded(this::file));
        app.get("/api/flight-plans", guarded(this::list));
        app.get("/api/flight-plans/{id}", guarded(this::one));
        app.post("/api/flight-plans/{id}/cancel", guarded(this::cancel));
    }

    @Override
    public List<OgcCollection> collections() {
        return List.of(new OgcCollection("flight-plans", "Flight plans",
                "Each contingent's planned drone sorties: the route (LineString) or area (Polygon) flown, in time from "
                        + "the window's start to its end, with the altitude band (minAltitudeM–maxAltitudeM, metres "
                        + "above mean sea level), purpose and status (FILED or CANCELLED). A plan is an intention, "
                        + "not a record of where the drone flew.",
                () -> desk.query(Optional.empty(), Optional.empty(), Optional.empty()).stream().map(this::feature).toList()));
    }

    private static Handler guarded(Handler h) {
        return ctx -> {
            try {
                h.handle(ctx);
            } catch (Refusal r) {
                throw RefusalProblems.of(r);
            }
        };
    }

    private void file(Context ctx) {
        JsonBody b = JsonBody.parse(mapper, ctx.body(), FIELDS);
        AssetId asset = AssetId.of(b.text("asset"));
        FlightPath path;
        try {
            path = org.truce.codec.FlightPathJson.read(b.node("path", "a GeoJSON LineString or Polygon geometry"));
        } catch (IllegalArgumentException e) {
            throw ProblemException.unprocessable(Optional.of("path"), "'path': " + e.getMessage());
        }
        Filing f = new Filing(asset, path, b.instant("from"), b.instant("to"), b.number("minAltitudeM"),
                b.number("maxAltitudeM"), b.text("purpose"), b.optText("notes").orElse(""));
        FlightPlan p = desk.file(RequestPrincipal.of(ctx), f);
        ctx.status(201).header("Location", "/api/flight-plans/" + p.id().value()).json(p);
    }

    private void list(Context ctx) {
        QueryParams q = new QueryParams(ctx.queryParamMap(), List.of("from", "to", "asset"));
        Optional<Instant> from = q.instant("from");
        Optional<Instant> to = q.instant("to");
        QueryParams.requireOrdered(from, to);
        ctx.json(desk.query(from, to, q.string("asset").map(AssetId::of)));
    }

    private void one(Context ctx) {
        ctx.json(find(ctx.pathParam("id")));
    }

    private void cancel(Context ctx) {
        JsonBody b = JsonBody.parse(mapper, ctx.body(), Set.of("reason"));
        FlightPlan p = find(ctx.pathParam("id"));
        ctx.json(desk.cancel(RequestPrincipal.of(ctx), p.id(), b.optText("reason").orElse("")));
    }

    private FlightPlan find(String id) {
        return desk.find(FlightPlanId.of(id)).orElseThrow(() -> ProblemException.notFound("id",
                "no flight plan with id '" + id + "'"));
    }

    private OgcFeature feature(FlightPlan p) {
        ObjectNode f = GeoJsonFeatures.feature(p.id().value(), mapper.valueToTree(p.path()));
        ObjectNode props = GeoJsonFeatures.properties(f);
        props.put("id", p.id().value());
        ObjectNode all = mapper.valueToTree(p);
        all.remove("id");
        all.remove("path");
        props.setAll(all);
        JsonNode shape = f.path("geometry").path("type");
        props.put("shape", shape.asText().equals("Polygon") ? "area" : "route");
        return new OgcFeature(p.id().value(), p.path().envelope(), TimeInterval.of(p.from(), p.to()), f);
    }
}
