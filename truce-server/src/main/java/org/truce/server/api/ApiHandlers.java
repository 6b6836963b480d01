package org.truce.server.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.truce.agreement.Agreement;
import org.truce.ground.PartyId;
import org.truce.ground.ProvisionId;
import org.truce.ground.ZoneId;
import org.truce.pipeline.Center;
import org.truce.readmodel.ReadModels;
import org.truce.rules.IncidentState;
import org.truce.sensing.AcceptedObservation;
import org.truce.sensing.Asset;
import org.truce.ground.AssetId;
import org.truce.sensing.Observation;
import org.truce.sensing.health.AssetStatus;
import org.truce.server.health.AssetHealthView;
import org.truce.store.IncidentQuery;
import org.truce.store.ObservationQuery;
import org.truce.store.Page;
import org.truce.store.Store;
import org.truce.time.SimulatedClock;

/**
 * The read-only JSON endpoints under {@code /api}. Every handler validates its parameters with {@link QueryParams}
 * and answers from the center's read models (assets' last fix, tracks, incidents), the asset registry or, for
 * observations, the log's indexed queries; a bad parameter or an unknown id throws {@link ProblemException}.
 * Thread-safe: handlers keep no state besides the immutable agreement views computed at construction.
 */
public final class ApiHandlers {
    /** Observation kinds as named in the log ({@link Observation#kind()}). */
    static final Set<String> OBSERVATION_KINDS = Set.of("fix", "detection", "fire", "footprint");

    private final Center center;
    private final Store store;
    private final ReadModels read;
    private final int defaultLimit;
    private final int maxLimit;
    private final Duration trackWindow;
    private final AgreementSummary agreementSummary;
    private final String zonesGeoJson;
    private final Set<String> zoneIds;
    private final Set<String> partyIds;
    private final Set<String> provisionIds;
    private final Set<String> ruleTypes;
    private final Optional<AssetHealthView> health;

    /**
     * @param defaultLimit page size when {@code limit} is absent
     * @param maxLimit     largest {@code limit} accepted
     * @param trackWindow  how far back {@code /api/tracks} looks by default
     * @param health       the asset health source, if the server has one
     * @param read         the center's read models (assets' last fix and footprint, tracks, incidents)
     */
    public ApiHandlers(Center center, ReadModels read, ObjectMapper mapper, int defaultLimit, int maxLimit,
                       Duration trackWindow, Optional<AssetHealthView> health) {
        this.center = center;
        this.read = read;
        this.health = health;
        this.store = center.store();
        this.defaultLimit = defaultLimit;
        this.maxLimit = maxLimit;
        this.trackWindow = trackWindow;
        Agreement a = center.agreement();
        this.agreementSummary = AgreementSummary.of(a, mapper);
        this.zonesGeoJson = ZoneFeatures.featureCollection(a, mapper);
        this.zoneIds = a.zones().keySet().stream().map(ZoneId::value).collect(Collectors.toSet());
        this.partyIds = a.parties().stream().map(p -> p.id().value()).collect(Collectors.toSet());
        this.provisionIds = a.provisions().stream().map(p -> p.id().value()).collect(Collectors.toSet());
        this.ruleTypes = a.provisions().stream().flatMap(p -> p.versions().stream())
                .flatMap(v -> v.rules().stream()).map(r -> r.type()).collect(Collectors.toSet());
    }

    public void agreement(Context ctx) {
        params(ctx);
        ctx.json(agreementSummary);
    }

    public void zones(Context ctx) {
        params(ctx);
        ctx.contentType("application/geo+json; charset=utf-8").result(zonesGeoJson);
    }

    public void assets(Context ctx) {
        params(ctx);
        ctx.json(store.assets().all().stream().map(this::view).toList());
    }

    public void asset(Context ctx) {
        params(ctx);
        String id = ctx.pathParam("id");
        Asset a = store.assets().find(AssetId.of(id))
                .orElseThrow(() -> ProblemException.notFound("id", "no asset with id '" + id + "'"));
        ctx.json(view(a));
    }

    public void assetHealth(Context ctx) {
        params(ctx);
        String id = ctx.pathParam("id");
        Asset a = store.assets().find(AssetId.of(id))
                .orElseThrow(() -> ProblemException.notFound("id", "no asset with id '" + id + "'"));
        ctx.json(health.map(h -> new AssetHealthReport(a.id(), true, h.status(a.id()), h.timeline(a.id()),
                        Optional.<String>empty()))
                .orElseGet(() -> new AssetHealthReport(a.id(), false, AssetStatus.UNKNOWN, List.of(),
                        Optional.of(AssetHealthReport.UNMONITORED_NOTE))));
    }

    public void observations(Context ctx) {
        QueryParams q = params(ctx, "asset", "kind", "from", "to", "offset", "limit");
        Optional<AssetId> asset = q.string("asset").filter(id -> !id.isBlank()).map(AssetId::of)
                .filter(id -> store.assets().find(id).isPresent());
        if (asset.isEmpty() && q.string("asset").isPresent()) {
            // One registry lookup per request; every asset is listed only to name them in the refusal.
            q.oneOf("asset", store.assets().all().stream().map(a -> a.id().value()).collect(Collectors.toSet()),
                    AssetId::of);
        }
        Optional<String> kind = q.oneOf("kind", OBSERVATION_KINDS, Function.identity());
        Optional<Instant> from = q.instant("from");
        Optional<Instant> to = q.instant("to");
        QueryParams.requireOrdered(from, to);
        int offset = q.integer("offset", 0, 0, Integer.MAX_VALUE);
        int limit = q.integer("limit", defaultLimit, 1, maxLimit);
        Page<AcceptedObservation> page = store.observations()
                .query(new ObservationQuery(asset, kind, from, to, offset, limit));
        ctx.json(pageView(ctx, page));
    }

    public void observation(Context ctx) {
        params(ctx);
        String id = ctx.pathParam("id");
        ctx.json(store.observations().find(id)
                .orElseThrow(() -> ProblemException.notFound("id", "no accepted observation with id '" + id + "'")));
    }

    public void incidents(Context ctx) {
        QueryParams q = params(ctx, "from", "to", "ruleType", "zone", "party", "provision", "state", "offset", "limit");
        Optional<Instant> from = q.instant("from");
        Optional<Instant> to = q.instant("to");
        QueryParams.requireOrdered(from, to);
        var query = new IncidentQuery(from, to,
                q.oneOf("ruleType", ruleTypes, Function.identity()),
                q.oneOf("zone", zoneIds, ZoneId::of),
                q.oneOf("party", partyIds, PartyId::of),
                q.oneOf("provision", provisionIds, ProvisionId::of),
                q.enumeration("state", IncidentState.class),
                q.integer("offset", 0, 0, Integer.MAX_VALUE),
                q.integer("limit", defaultLimit, 1, maxLimit));
        ctx.json(pageView(ctx, read.incidents().query(query)));
    }

    public void incident(Context ctx) {
        params(ctx);
        String id = ctx.pathParam("id");
        ctx.json(read.incidents().find(id)
                .orElseThrow(() -> ProblemException.notFound("id", "no incident with id '" + id + "'")));
    }

    public void tracks(Context ctx) {
        QueryParams q = params(ctx, "since");
        Instant since = q.instant("since").orElseGet(() -> center.clock().instant().minus(trackWindow));
        ctx.json(read.tracks().updatedSince(since));
    }

    public void clock(Context ctx) {
        params(ctx);
        ctx.json(clockNow());
    }

    /** The center's time now, as the API and the live feed show it. */
    public ClockView clockNow() {
        return new ClockView(center.clock().instant(), center.clock() instanceof SimulatedClock);
    }

    /** The registry entry with its last fix and footprint from the read model and its health from the source. */
    private AssetView view(Asset a) {
        return AssetView.of(a, located(read.assets().lastFix(a.id()), Observation.PlatformFix.class),
                located(read.assets().lastFootprint(a.id()), Observation.Footprint.class),
                health.map(h -> HealthSummary.of(h.status(a.id()), h.timeline(a.id()))));
    }

    private static <T extends Observation> Optional<AssetView.Located<T>> located(Optional<AcceptedObservation> o,
                                                                                  Class<T> type) {
        return o.filter(x -> type.isInstance(x.observation()))
                .map(x -> new AssetView.Located<>(x.id(), type.cast(x.observation())));
    }

    private static QueryParams params(Context ctx, String... allowed) {
        return new QueryParams(ctx.queryParamMap(), List.of(allowed));
    }

    private static <T> PageView<T> pageView(Context ctx, Page<T> page) {
        long nextOffset = (long) page.offset() + page.items().size();
        Optional<String> next = Optional.empty();
        if (!page.items().isEmpty() && nextOffset < page.total()) {
            Map<String, List<String>> query = new LinkedHashMap<>(ctx.queryParamMap());
            query.put("offset", List.of(Long.toString(nextOffset)));
            query.put("limit", List.of(Integer.toString(page.limit())));
            StringBuilder link = new StringBuilder(ctx.path());
            char sep = '?';
            for (var e : query.entrySet()) {
                for (String v : e.getValue()) {
                    link.append(sep).append(encode(e.getKey())).append('=').append(encode(v));
                    sep = '&';
                }
            }
            next = Optional.of(link.toString());
            ctx.header("Link", "<" + link + ">; rel=\"next\"");
        }
        return new PageView<>(page.items(), page.total(), page.offset(), page.limit(), next);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
