package org.truce.server;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.truce.cases.CaseServices;
import org.truce.cases.Principal;
import org.truce.server.auth.Authenticator;
import org.truce.server.auth.OperationalData;
import java.util.Optional;
import org.truce.server.coverage.CoverageView;
import org.truce.server.health.AssetHealthView;
import java.util.function.Supplier;

/**
 * Tunables of the HTTP server. Immutable; {@link #defaults()} documents every default, the {@code with…}
 * methods change one value.
 *
 * @param host                interface to bind (default {@code 127.0.0.1}: local only; {@code 0.0.0.0} for all)
 * @param heartbeat           a live client that got nothing for this long gets a heartbeat comment (default 15 s)
 * @param assetThrottle       at most one {@code asset} event per asset per this period (default 1 s)
 * @param clockInterval       how often the {@code clock} event is sent (default 1 s)
 * @param tickInterval        how often the server calls {@code Center.tick()}; zero disables it (default 1 s)
 * @param clientQueueCapacity live events that may wait for one client before it is dropped (default 1024)
 * @param trackWindow         {@code /api/tracks} shows tracks updated within this window by default (default 15 min)
 * @param defaultPageSize     page size when a list request gives no {@code limit} (default 100)
 * @param maxPageSize         largest {@code limit} accepted (default 1000)
 * @param maxIngestBytes      largest body the ingest endpoints read; a larger one gets 413 (default 1 MiB)
 * @param metrics             extra Prometheus text appended to {@code /metrics} after the ingest gate's
 *                            counters; called on every scrape, must be thread-safe (default none)
 * @param health              the asset health source behind {@code /api/assets/{id}/health}, the assets' status
 *                            and the live {@code health} event (default none: the endpoints say so)
 * @param coverage            the coverage source behind {@code /api/coverage} and {@code /api/coverage/summary}
 *                            (default none: those endpoints answer 404)
 * @param authenticator       turns each request into the {@link org.truce.cases.Principal} it speaks for
 *                            (default: everyone is {@link org.truce.cases.Principal#anonymous()})
 * @param cases               the joint-verification services behind the case, desk and allegation endpoints
 *                            (default none)
 * @param modules             further endpoint groups, registered after the built-in ones (default none)
 * @param operationalData     who may read observations, tracks, incidents, assets, coverage, metrics and the live
 *                            feed (default {@link OperationalData#PUBLIC}, as for a simulated demo; a center on
 *                            real sensors sets {@link OperationalData#STAFF_AND_AUDITORS})
 */
public record ServerOptions(String host, Duration heartbeat, Duration assetThrottle, Duration clockInterval,
                            Duration tickInterval, int clientQueueCapacity, Duration trackWindow,
                            int defaultPageSize, int maxPageSize, long maxIngestBytes,
                            Optional<Supplier<String>> metrics, Optional<AssetHealthView> health,
                            Optional<CoverageView> coverage, Authenticator authenticator,
                            Optional<CaseServices> cases, List<ServerModule> modules,
                            OperationalData operationalData) {
    public ServerOptions {
        Objects.requireNonNull(host, "host");
        positive(heartbeat, "heartbeat");
        positive(assetThrottle, "assetThrottle");
        positive(clockInterval, "clockInterval");
        Objects.requireNonNull(tickInterval, "tickInterval");
        if (tickInterval.isNegative()) throw new IllegalArgumentException("tickInterval must be >= 0");
        positive(trackWindow, "trackWindow");
        if (clientQueueCapacity < 1) throw new IllegalArgumentException("clientQueueCapacity must be >= 1");
        if (maxPageSize < 1 || maxPageSize > 10_000) throw new IllegalArgumentException("maxPageSize must be in 1..10000");
        if (defaultPageSize < 1 || defaultPageSize > maxPageSize) {
            throw new IllegalArgumentException("defaultPageSize must be in 1..maxPageSize");
        }
        if (maxIngestBytes < 1) throw new IllegalArgumentException("maxIngestBytes must be >= 1");
        Objects.requireNonNull(metrics, "metrics");
        Objects.requireNonNull(health, "health");
        Objects.requireNonNull(coverage, "coverage");
        Objects.requireNonNull(authenticator, "authenticator");
        Objects.requireNonNull(cases, "cases");
        modules = List.copyOf(modules);
        Objects.requireNonNull(operationalData, "operationalData");
    }

    /** Default {@link #maxIngestBytes()}: 1 MiB. */
    public static final long DEFAULT_MAX_INGEST_BYTES = 1L << 20;

    public static ServerOptions defaults() {
        return new ServerOptions("127.0.0.1", Duration.ofSeconds(15), Duration.ofSeconds(1), Duration.ofSeconds(1),
                Duration.ofSeconds(1), 1024, Duration.ofMinutes(15), 100, 1000, DEFAULT_MAX_INGEST_BYTES, Optional.empty(),
                Optional.empty(), Optional.empty(), ctx -> Principal.anonymous(), Optional.empty(), List.of(),
                OperationalData.PUBLIC);
    }

    public ServerOptions withHost(String h) {
        return new ServerOptions(h, heartbeat, assetThrottle, clockInterval, tickInterval, clientQueueCapacity,
                trackWindow, defaultPageSize, maxPageSize, maxIngestBytes, metrics, health, coverage, authenticator, cases, modules, operationalData);
    }

    public ServerOptions withHeartbeat(Duration d) {
        return new ServerOptions(host, d, assetThrottle, clockInterval, tickInterval, clientQueueCapacity,
                trackWindow, defaultPageSize, maxPageSize, maxIngestBytes, metrics, health, coverage, authenticator, cases, modules, operationalData);
    }

    public ServerOptions withAssetThrottle(Duration d) {
        return new ServerOptions(host, heartbeat, d, clockInterval, tickInterval, clientQueueCapacity,
                trackWindow, defaultPageSize, maxPageSize, maxIngestBytes, metrics, health, coverage, authenticator, cases, modules, operationalData);
    }

    public ServerOptions withClockInterval(Duration d) {
        return new ServerOptions(host, heartbeat, assetThrottle, d, tickInterval, clientQueueCapacity,
                trackWindow, defaultPageSize, maxPageSize, maxIngestBytes, metrics, health, coverage, authenticator, cases, modules, operationalData);
    }

    public ServerOptions withTickInterval(Duration d) {
        return new ServerOptions(host, heartbeat, assetThrottle, clockInterval, d, clientQueueCapacity,
                trackWindow, defaultPageSize, maxPageSize, maxIngestBytes, metrics, health, coverage, authenticator, cases, modules, operationalData);
    }

    public ServerOptions withClientQueueCapacity(int n) {
        return new ServerOptions(host, heartbeat, assetThrottle, clockInterval, tickInterval, n,
                trackWindow, defaultPageSize, maxPageSize, maxIngestBytes, metrics, health, coverage, authenticator, cases, modules, operationalData);
    }

    public ServerOptions withTrackWindow(Duration d) {
        return new ServerOptions(host, heartbeat, assetThrottle, clockInterval, tickInterval, clientQueueCapacity,
                d, defaultPageSize, maxPageSize, maxIngestBytes, metrics, health, coverage, authenticator, cases, modules, operationalData);
    }

    public ServerOptions withPageSizes(int dflt, int max) {
        return new ServerOptions(host, heartbeat, assetThrottle, clockInterval, tickInterval, clientQueueCapacity,
                trackWindow, dflt, max, maxIngestBytes, metrics, health, coverage, authenticator, cases, modules, operationalData);
    }

    /** Ingest bodies larger than {@code bytes} are refused with 413. */
    public ServerOptions withMaxIngestBytes(long bytes) {
        return new ServerOptions(host, heartbeat, assetThrottle, clockInterval, tickInterval, clientQueueCapacity,
                trackWindow, defaultPageSize, maxPageSize, bytes, metrics, health, coverage, authenticator, cases, modules, operationalData);
    }

    /** Appends {@code extra.get()} (Prometheus text exposition format) to every {@code /metrics} answer. */
    public ServerOptions withMetrics(Supplier<String> extra) {
        return new ServerOptions(host, heartbeat, assetThrottle, clockInterval, tickInterval, clientQueueCapacity,
                trackWindow, defaultPageSize, maxPageSize, maxIngestBytes, Optional.of(extra), health, coverage, authenticator, cases, modules, operationalData);
    }

    /** Serves asset health from {@code source}. */
    public ServerOptions withHealth(AssetHealthView source) {
        return new ServerOptions(host, heartbeat, assetThrottle, clockInterval, tickInterval, clientQueueCapacity,
                trackWindow, defaultPageSize, maxPageSize, maxIngestBytes, metrics, Optional.of(source), coverage, authenticator, cases, modules, operationalData);
    }

    /** Serves coverage from {@code source}. */
    public ServerOptions withCoverage(CoverageView source) {
        return new ServerOptions(host, heartbeat, assetThrottle, clockInterval, tickInterval, clientQueueCapacity,
                trackWindow, defaultPageSize, maxPageSize, maxIngestBytes, metrics, health, Optional.of(source), authenticator, cases, modules, operationalData);
    }

    /** Authenticates requests with {@code a}. */
    public ServerOptions withAuthenticator(Authenticator a) {
        return new ServerOptions(host, heartbeat, assetThrottle, clockInterval, tickInterval, clientQueueCapacity,
                trackWindow, defaultPageSize, maxPageSize, maxIngestBytes, metrics, health, coverage, a, cases, modules, operationalData);
    }

    /** Serves the case, desk and allegation endpoints from {@code services}. */
    public ServerOptions withCases(CaseServices services) {
        return new ServerOptions(host, heartbeat, assetThrottle, clockInterval, tickInterval, clientQueueCapacity,
                trackWindow, defaultPageSize, maxPageSize, maxIngestBytes, metrics, health, coverage, authenticator,
                Optional.of(services), modules, operationalData);
    }

    /** Adds an endpoint group. */
    public ServerOptions withModule(ServerModule module) {
        List<ServerModule> all = new java.util.ArrayList<>(modules);
        all.add(Objects.requireNonNull(module));
        return new ServerOptions(host, heartbeat, assetThrottle, clockInterval, tickInterval, clientQueueCapacity,
                trackWindow, defaultPageSize, maxPageSize, maxIngestBytes, metrics, health, coverage, authenticator,
                cases, all, operationalData);
    }

    /** Sets who may read operational data (see {@link OperationalData}). */
    public ServerOptions withOperationalData(OperationalData who) {
        return new ServerOptions(host, heartbeat, assetThrottle, clockInterval, tickInterval, clientQueueCapacity,
                trackWindow, defaultPageSize, maxPageSize, maxIngestBytes, metrics, health, coverage, authenticator,
                cases, modules, who);
    }

    private static void positive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) throw new IllegalArgumentException(name + " must be > 0");
    }
}
