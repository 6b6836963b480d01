package org.truce.ingest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.truce.ingest.cot.CotIngest;
import org.truce.ingest.cot.CotMapper;
import org.truce.ingest.cot.CotOut;
import org.truce.ingest.cot.CotTcpServer;
import org.truce.ingest.cot.CotUdpListener;
import org.truce.ingest.klv.KlvAdapter;
import org.truce.ingest.mavlink.MavlinkAdapter;
import org.truce.ingest.mqtt.MqttAdapter;
import org.truce.pipeline.Center;

/**
 * All configured sensor adapters of one center, started together: the wiring {@code truce serve} needs. Registers
 * asset health and CoT out as center listeners, and ticks asset health every second with the center clock.
 * {@link #stop()} stops everything it started. Thread-safe.
 */
public final class Ingest implements AutoCloseable {
    private final Center center;
    private final IngestGate gate;
    private final AssetHealthListener health;
    private final List<Runnable> stops = new ArrayList<>();
    private Optional<MavlinkAdapter> mavlink = Optional.empty();
    private Optional<CotTcpServer> cotTcp = Optional.empty();
    private Optional<CotUdpListener> cotUdp = Optional.empty();
    private final List<KlvAdapter> klv = new ArrayList<>();
    private Optional<MqttAdapter> mqtt = Optional.empty();

    private Ingest(Center center, IngestConfig config) {
        this.center = center;
        this.gate = IngestGate.forCenter(center, config.limits());
        this.health = new AssetHealthListener(center.store().assets());
    }

    /**
     * Starts the adapters {@code config} names; if one cannot start (a port taken, no broker), the ones already
     * started are stopped and the error propagates with the port or broker in its message.
     */
    public static Ingest start(Center center, IngestConfig config) {
        Ingest in = new Ingest(Objects.requireNonNull(center), Objects.requireNonNull(config));
        try {
            in.startAll(config);
        } catch (RuntimeException e) {
            in.stop();
            throw e;
        }
        return in;
    }

    private void startAll(IngestConfig config) {
        center.addListener(health);
        stops.add(() -> center.removeListener(health));
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("asset-health-tick").factory());
        long period = IngestConfig.HEALTH_TICK.toMillis();
        ticker.scheduleAtFixedRate(() -> health.tick(center.clock().instant()), period, period, TimeUnit.MILLISECONDS);
        stops.add(ticker::shutdownNow);
        if (config.mavlinkPort().isPresent()) {
            MavlinkAdapter m = new MavlinkAdapter(gate, health, config.mavlink());
            m.start(config.mavlinkPort().getAsInt());
            stops.add(m::stop);
            mavlink = Optional.of(m);
        }
        CotIngest cot = new CotIngest(gate, new CotMapper(gate.validator(), config.cotAliases()));
        if (config.cotTcpPort().isPresent() || config.cotTls().isPresent()) {
            CotTcpServer server = new CotTcpServer(cot, center.clock());
            CotOut out = new CotOut(server, center.agreement(), center.store().assets(), center.clock(),
                    Duration.ofHours(1), Duration.ofSeconds(30));
            center.addListener(out);
            stops.add(() -> center.removeListener(out));
            stops.add(server::stop);
            if (config.cotTcpPort().isPresent()) server.start(config.cotTcpPort().getAsInt());
            config.cotTls().ifPresent(t -> server.startTls(t.port(), t.context(), t.needClientAuth()));
            cotTcp = Optional.of(server);
        }
        if (config.cotUdpPort().isPresent()) {
            CotUdpListener u = new CotUdpListener(cot);
            u.start(config.cotUdpPort().getAsInt());
            stops.add(u::stop);
            cotUdp = Optional.of(u);
        }
        for (IngestConfig.KlvFeed feed : config.klvFeeds()) {
            KlvAdapter k = new KlvAdapter(gate, feed.settings());
            k.start(feed.port());
            stops.add(k::stop);
            klv.add(k);
        }
        if (config.mqtt().isPresent()) {
            IngestConfig.Mqtt m = config.mqtt().get();
            MqttAdapter a = new MqttAdapter(gate, m.settings());
            a.start(m.host(), m.port());
            stops.add(a::stop);
            mqtt = Optional.of(a);
        }
    }

    /** Counters for {@code /metrics}: {@code metrics().render()}. */
    public IngestMetrics metrics() { return gate.metrics(); }

    public AssetHealthListener health() { return health; }

    public IngestGate gate() { return gate; }

    public Optional<MavlinkAdapter> mavlink() { return mavlink; }

    public Optional<CotTcpServer> cotTcp() { return cotTcp; }

    public Optional<CotUdpListener> cotUdp() { return cotUdp; }

    public List<KlvAdapter> klv() { return List.copyOf(klv); }

    public Optional<MqttAdapter> mqtt() { return mqtt; }

    /** Stops every adapter started, newest first. */
    public synchronized void stop() {
        for (int i = stops.size() - 1; i >= 0; i--) {
            try {
                stops.get(i).run();
            } catch (RuntimeException e) {
                System.getLogger(Ingest.class.getName()).log(System.Logger.Level.WARNING, "stopping ingest", e);
            }
        }
        stops.clear();
    }

    @Override
    public void close() {
        stop();
    }
}
