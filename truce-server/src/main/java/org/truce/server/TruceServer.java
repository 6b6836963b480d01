package org.truce.server;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import io.javalin.router.EndpointNotFound;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.truce.ingest.IngestGate;
import org.truce.ingest.ValidationLimits;
import org.truce.pipeline.Center;
import org.truce.readmodel.ReadModels;
import org.truce.server.log.LogApi;
import org.truce.server.auth.RequestPrincipal;
import org.truce.server.auth.RoutePolicy;
import org.truce.server.auth.SessionView;
import org.truce.server.cases.CasesModule;
import org.truce.server.cases.FindingFeatures;
import org.truce.server.api.ApiHandlers;
import org.truce.server.api.ApiJson;
import org.truce.server.api.CoverageHandlers;
import org.truce.server.api.Problem;
import org.truce.server.api.ProblemException;
import org.truce.server.api.ProblemType;
import org.truce.server.ingest.HttpIngest;
import org.truce.server.live.LiveFeed;
import org.truce.server.metrics.PrometheusText;
import org.truce.server.metrics.ServerMetrics;
import org.truce.server.ogc.OgcCollections;
import org.truce.server.ogc.OgcHandlers;

/**
 * The center's HTTP server: the JSON API under {@code /api}, the live feed at {@code /api/events}
 * (server-sent events), HTTP ingest under {@code /api/ingest} (asset token required), Prometheus metrics at
 * {@code /metrics}, the OpenAPI document at {@code /openapi.json}, OGC API – Features at {@code /ogc} and the live
 * map at {@code /}.
 *
 * <p>Every request is authenticated by {@link ServerOptions#authenticator()} and admitted or refused by the one
 * route-access policy, {@link RoutePolicy}; with {@link ServerOptions#cases()} the joint-verification endpoints
 * ({@link CasesModule}) and the OGC {@code findings} collection are served too.
 *
 * <p>Assets' last fixes, tracks and incidents are answered from the center's {@link ReadModels} (in memory,
 * following the pipeline), never by reading the accepted-input log per request.
 *
 * <p>Every error is an RFC 9457 {@code application/problem+json} body. The server reads the center's store and
 * listens to its pipeline; it writes only through its {@link IngestGate} (HTTP ingest). While running it calls {@link Center#tick()} every
 * {@link ServerOptions#tickInterval()} (unless zero). {@link #start} and {@link #stop} may be called once each;
 * the other methods are thread-safe.
 */
public final class TruceServer implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(TruceServer.class.getName());
    private static final String OPENAPI_RESOURCE = "/org/truce/server/openapi.json";
    private static final String OGC_OPENAPI_RESOURCE = "/org/truce/server/ogc/openapi.json";

    private final Center center;
    private final ServerOptions options;
    private final ReadModels read;
    private final boolean ownsReadModels;
    private final LiveFeed feed;
    private final ServerMetrics metrics;
    private final List<Route> routes = new CopyOnWriteArrayList<>();
    private final Javalin app;
    private ScheduledExecutorService timers;
    private ScheduledExecutorService ticker;
    private boolean started;
    private boolean stopped;
    private final LogApi log = new LogApi();

    public TruceServer(Center center) {
        this(center, ServerOptions.defaults());
    }

    /** A server whose HTTP ingest has a gate of its own (default {@link ValidationLimits}) and read models of its own. */
    public TruceServer(Center center, ServerOptions options) {
        this(center, options, IngestGate.forCenter(Objects.requireNonNull(center, "center"), ValidationLimits.defaults()));
    }

    /**
     * @param ingest the gate HTTP ingest submits through: the one the sensor adapters use ({@code Ingest.gate()}),
     *               so every channel is validated, refused and counted alike; its counters are served at
     *               {@code /metrics}. The server makes read models of its own, following {@code center} from now on
     *               (closed by {@link #stop}).
     */
    public TruceServer(Center center, ServerOptions options, IngestGate ingest) {
        this(center, options, ingest, ReadModels.follow(Objects.requireNonNull(center, "center")), true);
    }

    /**
     * A server answering from {@code read}, read models of {@code center} that the caller made (before the center
     * took input, so the models followed it from the start) and closes; HTTP ingest goes through {@code ingest}.
     */
    public TruceServer(Center center, ServerOptions options, IngestGate ingest, ReadModels read) {
        this(center, options, ingest, read, false);
    }

    private TruceServer(Center center, ServerOptions options, IngestGate ingest, ReadModels read,
                        boolean ownsReadModels) {
        this.center = Objects.requireNonNull(center, "center");
        this.options = Objects.requireNonNull(options, "options");
        Objects.requireNonNull(ingest, "ingest");
        this.read = Objects.requireNonNull(read, "read");
        this.ownsReadModels = ownsReadModels;
        ApiHandlers api = new ApiHandlers(center, read, ApiJson.mapper(), options.defaultPageSize(),
                options.maxPageSize(), options.trackWindow(), options.health());
        this.feed = new LiveFeed(ApiJson.mapper(), id -> center.store().assets().find(id), api::clockNow,
                options.clientQueueCapacity(), options.heartbeat());
        this.metrics = new ServerMetrics(center, feed::clientCount, Optional.of(() -> ingest.metrics().render()
                + options.metrics().map(java.util.function.Supplier::get).orElse("")));
        CoverageHandlers coverage = new CoverageHandlers(options.coverage(), ApiJson.mapper(),
                () -> center.clock().instant());
        HttpIngest http = new HttpIngest(center, ingest, ApiJson.mapper(), options.maxIngestBytes());
        String openApi = resource(OPENAPI_RESOURCE);
        var collections = new java.util.LinkedHashMap<>(OgcCollections.of(center, read, ApiJson.mapper(),
                options.trackWindow(), options.coverage()));
        options.cases().ifPresent(cs -> collections.put("findings", FindingFeatures.collection(cs.cases(),
                center.store().incidents(), ApiJson.mapper(), () -> center.clock().instant())));
        options.modules().forEach(m -> m.collections().forEach(c -> {
            if (collections.putIfAbsent(c.id(), c) != null) throw new IllegalArgumentException("two OGC collections '" + c.id() + "'");
        }));
        OgcHandlers ogc = new OgcHandlers(java.util.Collections.unmodifiableMap(collections), ApiJson.mapper(),
                () -> center.clock().instant(), resource(OGC_OPENAPI_RESOURCE));
        this.app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.jsonMapper(new JavalinJackson(ApiJson.mapper(), false));
            config.jetty.defaultHost = options.host();
            config.staticFiles.add(sf -> {
                sf.hostedPath = "/";
                sf.directory = "/web";
                sf.location = Location.CLASSPATH;
            });
            config.staticFiles.enableWebjars();
            // before/after filters are not endpoints: only routes a client can call are listed (and documented)
            config.events.handlerAdded(h -> {
                if (h.getHttpMethod().isHttpMethod()) routes.add(new Route(h.getHttpMethod().name(), h.getPath()));
            });
        });
        app.before(ctx -> RequestPrincipal.set(ctx, options.authenticator().authenticate(ctx)));
        java.util.Map<Route, org.truce.server.auth.Access> moduleAccess = new java.util.HashMap<>();
        options.modules().forEach(m -> moduleAccess.putAll(m.access()));
        app.before(new RoutePolicy(options.operationalData(), moduleAccess).filter(this::routes));
        app.get("/openapi.json", ctx -> ctx.contentType("application/json; charset=utf-8").result(openApi));
        app.get("/api/agreement", api::agreement);
        app.get("/api/zones", api::zones);
        app.get("/api/assets", api::assets);
        app.get("/api/assets/{id}", api::asset);
        app.get("/api/assets/{id}/health", api::assetHealth);
        app.get("/api/observations", api::observations);
        app.get("/api/observations/{id}", api::observation);
        app.get("/api/incidents", api::incidents);
        app.get("/api/incidents/{id}", api::incident);
        app.get("/api/tracks", api::tracks);
        app.get("/api/clock", api::clock);
        app.get("/api/coverage", coverage::coverage);
        app.get("/api/coverage/summary", coverage::summary);
        app.sse("/api/events", feed::attach);
        app.post("/api/ingest/observations", http::observations);
        app.post("/api/ingest/geojson", http::geoJson);
        app.get("/api/log/checkpoint", log::checkpoint);
        app.get("/api/log/entries/{index}", log::entry);
        app.get("/api/log/consistency", log::consistency);
        app.get("/ogc", ogc::landing);
        app.get("/ogc/conformance", ogc::conformance);
        app.get("/ogc/api", ogc::api);
        app.get("/ogc/collections", ogc::collections);
        app.get("/ogc/collections/{collectionId}", ogc::collection);
        app.get("/ogc/collections/{collectionId}/items", ogc::items);
        app.get("/ogc/collections/{collectionId}/items/{featureId}", ogc::item);
        app.get("/metrics", ctx -> ctx.contentType(PrometheusText.CONTENT_TYPE).result(metrics.render()));
        options.cases().ifPresent(cs -> new CasesModule(cs, center.agreement(), center.store().incidents(), feed,
                ApiJson.mapper(), () -> center.clock().instant()).register(app));
        options.modules().forEach(m -> m.register(app));
        // "Who am I" for the page header, even without an accounts module (then only the public is known).
        if (routes.stream().noneMatch(r -> r.method().equals("GET") && r.path().equals("/api/session"))) {
            app.get("/api/session", ctx -> ctx.json(SessionView.of(RequestPrincipal.of(ctx))));
        }
        app.exception(ProblemException.class, (e, ctx) -> problem(ctx, e.toProblem(instance(ctx))));
        app.exception(HttpResponseException.class, (e, ctx) -> problem(ctx, frameworkProblem(e, ctx)));
        app.exception(Exception.class, (e, ctx) -> {
            LOG.log(System.Logger.Level.ERROR, "request " + instance(ctx) + " failed", e);
            problem(ctx, ProblemType.INTERNAL.problem("the server failed on this request; the error is logged",
                    instance(ctx), Optional.empty()));
        });
    }

    /** Serves the center's transparency log under /api/log (404 problems until this is called). */
    public void serveLog(LogApi.Source source) {
        log.serve(source);
    }

    /**
     * Binds and starts serving, and starts listening to the center.
     *
     * @param port TCP port, 0 for any free port
     * @return the bound port
     */
    public synchronized int start(int port) {
        if (started) throw new IllegalStateException("server already started");
        started = true;
        app.start(options.host(), port);
        center.addListener(feed);
        center.addListener(metrics);
        // The source cannot unsubscribe; after stop() the feed has no clients and the event goes nowhere.
        options.health().ifPresent(h -> h.subscribe(feed::publishHealth));
        timers = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("truce-live-timer").factory());
        long throttle = options.assetThrottle().toMillis();
        timers.scheduleAtFixedRate(guard("asset flush", feed::flushAssets), throttle, throttle, TimeUnit.MILLISECONDS);
        long clock = options.clockInterval().toMillis();
        timers.scheduleAtFixedRate(guard("clock", feed::publishClock), clock, clock, TimeUnit.MILLISECONDS);
        if (!options.tickInterval().isZero()) {
            long tick = options.tickInterval().toMillis();
            // Ticks wait for the pipeline's lock, so they get their own thread to never delay the live events.
            ticker = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("truce-center-tick").factory());
            ticker.scheduleWithFixedDelay(guard("center tick", center::tick), tick, tick, TimeUnit.MILLISECONDS);
        }
        LOG.log(System.Logger.Level.INFO, "Truce server listening on " + uri());
        return port();
    }

    /** The bound port; only after {@link #start}. */
    public int port() {
        if (!started) throw new IllegalStateException("server not started");
        return app.port();
    }

    /** The server's base address, e.g. {@code http://127.0.0.1:7070/}; only after {@link #start}. */
    public URI uri() {
        String host = options.host().equals("0.0.0.0") ? "127.0.0.1" : options.host();
        return URI.create("http://" + host + ":" + port() + "/");
    }

    /** The registered endpoints in registration order (the OpenAPI document describes each). */
    public List<Route> routes() {
        return List.copyOf(routes);
    }

    /** Live clients connected now. */
    public int liveClients() {
        return feed.clientCount();
    }

    /** Stops listening to the center, disconnects live clients and frees the port. Idempotent. */
    public synchronized void stop() {
        if (!started || stopped) return;
        stopped = true;
        center.removeListener(feed);
        center.removeListener(metrics);
        if (ownsReadModels) read.close();
        // After a failed start (port taken) the timers were never created.
        if (timers != null) timers.shutdownNow();
        if (ticker != null) ticker.shutdownNow();
        feed.close();
        app.stop();
    }

    @Override
    public void close() {
        stop();
    }

    private static Runnable guard(String what, Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                // A periodic task that throws is cancelled by the executor; log and keep it scheduled.
                LOG.log(System.Logger.Level.WARNING, what + " failed", e);
            }
        };
    }

    private static Problem frameworkProblem(HttpResponseException e, Context ctx) {
        if (e instanceof EndpointNotFound) {
            return ProblemType.NO_SUCH_ENDPOINT.problem("no endpoint " + ctx.method() + " " + ctx.path()
                    + "; the API is described at /openapi.json", instance(ctx), Optional.empty());
        }
        if (e.getStatus() == 405) {
            return ProblemType.METHOD_NOT_ALLOWED.problem(405, "method " + ctx.method() + " is not allowed on "
                    + ctx.path(), instance(ctx));
        }
        return ProblemType.HTTP_ERROR.problem(e.getStatus(), e.getMessage(), instance(ctx));
    }

    private static void problem(Context ctx, Problem p) {
        // Without a charset Jetty encodes the body as ISO-8859-1: an id like ¶2 in the detail would be mangled.
        ctx.status(p.status()).contentType(Problem.MEDIA_TYPE + "; charset=utf-8").result(json(p));
    }

    private static String json(Object o) {
        try {
            return ApiJson.mapper().writeValueAsString(o);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String instance(Context ctx) {
        String q = ctx.queryString();
        return q == null || q.isEmpty() ? ctx.path() : ctx.path() + "?" + q;
    }

    private static String resource(String name) {
        try (InputStream in = TruceServer.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("missing classpath resource " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
