package org.truce.server.live;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.sse.SseClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;
import org.truce.cases.Principal;
import org.truce.pipeline.CenterEvent;
import org.truce.server.auth.RequestPrincipal;
import org.truce.pipeline.CenterListener;
import org.truce.sensing.AcceptedObservation;
import org.truce.sensing.Asset;
import org.truce.ground.AssetId;
import org.truce.sensing.Observation;
import org.truce.sensing.health.AssetStatusChange;

/**
 * The live feed behind {@code /api/events}: listens to the center and fans events out to the connected clients.
 *
 * <p>Events: {@code incident} ({@link IncidentEvent}) and {@code track} (the track) as they happen; {@code asset}
 * ({@link AssetState}) coalesced per asset and sent by {@link #flushAssets()}, so a drone reporting ten fixes a
 * second costs each client at most one event per flush period; {@code clock} by {@link #publishClock()};
 * {@code health} (an asset's status change) by {@link #publishHealth}; {@code case} (a case as each client's
 * principal may see it) by {@link #publishProjected}, the one event that differs per client.
 *
 * <p>{@link #on} runs on the pipeline thread and never blocks or touches a connection: it serialises the event
 * once and offers it to each client's bounded queue (see {@link LiveClient}). Thread-safe.
 */
public final class LiveFeed implements CenterListener, AutoCloseable {
    private static final System.Logger LOG = System.getLogger(LiveFeed.class.getName());

    private final ObjectMapper mapper;
    private final Function<AssetId, Optional<Asset>> registry;
    private final Supplier<Object> clock;
    private final int queueCapacity;
    private final Duration heartbeat;
    private final Set<LiveClient> clients = ConcurrentHashMap.newKeySet();
    private final Map<AssetId, AssetState> assets = new ConcurrentHashMap<>();
    private final Set<AssetId> dirty = ConcurrentHashMap.newKeySet();
    private final AtomicLong sequence = new AtomicLong();
    private final AtomicLong clientNames = new AtomicLong();

    /**
     * @param registry      looks up an asset's owner and kind (called from the flush, not the pipeline thread)
     * @param clock         the payload of the {@code clock} event
     * @param queueCapacity events that may wait for one client before it is dropped
     * @param heartbeat     silence after which a client gets a heartbeat comment
     */
    public LiveFeed(ObjectMapper mapper, Function<AssetId, Optional<Asset>> registry, Supplier<Object> clock,
                    int queueCapacity, Duration heartbeat) {
        this.mapper = Objects.requireNonNull(mapper);
        this.registry = Objects.requireNonNull(registry);
        this.clock = Objects.requireNonNull(clock);
        this.queueCapacity = queueCapacity;
        this.heartbeat = Objects.requireNonNull(heartbeat);
    }

    @Override
    public void on(CenterEvent event) {
        switch (event) {
            case CenterEvent.IncidentChanged i -> broadcast("incident", new IncidentEvent(i.opened(), i.incident()));
            case CenterEvent.TrackUpdated t -> broadcast("track", t.track());
            case CenterEvent.ObservationAccepted a -> remember(a.observation());
        }
    }

    /** Connects a server-sent-events client: it gets the current clock, then every event from now on. */
    public void attach(SseClient sse) {
        LiveClient client = new LiveClient("c" + clientNames.incrementAndGet(), new SseSink(sse), queueCapacity,
                heartbeat, clients::remove, RequestPrincipal.of(sse.ctx()));
        // Without keepAlive Javalin ends the stream as soon as this method returns.
        sse.keepAlive();
        sse.onClose(client::shutdown);
        attach(client);
    }

    void attach(LiveClient client) {
        clients.add(client);
        client.start();
        client.offer(message("clock", clock.get()));
    }

    /** Sends every asset whose fix or footprint changed since the last flush; call it once per throttle period. */
    public void flushAssets() {
        for (AssetId id : new ArrayList<>(dirty)) {
            dirty.remove(id);
            AssetState state = assets.computeIfPresent(id, (k, s) -> s.owner().isPresent() ? s
                    : registry.apply(k).map(a -> s.withRegistry(a.owner(), a.kind())).orElse(s));
            if (state != null) broadcast("asset", state);
        }
    }

    /**
     * Sends event {@code name} to each client as that client's principal may see it: {@code projection} is asked
     * once per client (a case goes through {@code Visibility.redact} for each viewer); a client for whom it is
     * empty gets nothing. Never blocks; the event has one sequence number for all clients.
     */
    public void publishProjected(String name, Function<Principal, Optional<?>> projection) {
        if (clients.isEmpty()) return;
        String id = Long.toString(sequence.incrementAndGet());
        for (LiveClient c : clients) {
            Optional<?> payload = projection.apply(c.principal());
            if (payload.isEmpty()) continue;
            try {
                c.offer(new LiveMessage(name, mapper.writeValueAsString(payload.get()), id));
            } catch (JsonProcessingException e) {
                LOG.log(System.Logger.Level.ERROR, "cannot serialise live " + name + " event", e);
                throw new IllegalStateException(e);
            }
        }
    }

    /** Sends an asset's status change to every client (event {@code health}); never blocks. */
    public void publishHealth(AssetStatusChange change) {
        broadcast("health", change);
    }

    /** Sends the center's current time to every client. */
    public void publishClock() {
        broadcast("clock", clock.get());
    }

    /** Clients connected now. */
    public int clientCount() {
        return clients.size();
    }

    /** Disconnects every client. */
    @Override
    public void close() {
        clients.forEach(LiveClient::shutdown);
        // Each sender thread removes its client when it ends, later; once closed, none counts as connected.
        clients.clear();
    }

    private void remember(AcceptedObservation a) {
        switch (a.observation()) {
            case Observation.PlatformFix f -> {
                assets.compute(f.asset(), (k, s) -> (s == null ? AssetState.empty(k) : s).withFix(a.id(), f));
                dirty.add(f.asset());
            }
            case Observation.Footprint f -> {
                assets.compute(f.asset(), (k, s) -> (s == null ? AssetState.empty(k) : s).withFootprint(a.id(), f));
                dirty.add(f.asset());
            }
            default -> { }
        }
    }

    private void broadcast(String name, Object payload) {
        if (clients.isEmpty()) return;
        LiveMessage m = message(name, payload);
        for (LiveClient c : clients) {
            c.offer(m);
        }
    }

    private LiveMessage message(String name, Object payload) {
        try {
            return new LiveMessage(name, mapper.writeValueAsString(payload), Long.toString(sequence.incrementAndGet()));
        } catch (JsonProcessingException e) {
            LOG.log(System.Logger.Level.ERROR, "cannot serialise live " + name + " event", e);
            throw new IllegalStateException(e);
        }
    }
}
