package org.truce.app.via;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import org.truce.pipeline.Acceptance;
import org.truce.rules.Incident;
import org.truce.sensing.AcceptedObservation;
import org.truce.sensing.Asset;
import org.truce.ground.AssetId;
import org.truce.sensing.Observation;
import org.truce.sim.RunSummary;
import org.truce.sim.SimStep;
import org.truce.sim.Simulation;
import org.truce.time.SimulatedClock;

/**
 * Runs a simulation through the real protocols into a running center ({@code truce serve --clock sensors
 * --simulated-assets}) and fetches the incidents it raised.
 *
 * <p><b>Determinism.</b> The center's incidents depend on the order of its accepted-input log. The simulator
 * produces each step's observations in the order the in-process run accepts them; they are cut into runs of
 * consecutive observations going by the same protocol (see {@link Protocol#route}), each run is sent (a protocol
 * keeps its own order: one UDP socket and listener thread, one TCP connection, one MQTT session, sequential HTTP
 * requests), and the next run is sent only once the center's counters ({@code /metrics}) show every message of the
 * run accepted or refused. With the center's clock following its sensors, the log then holds the same observations
 * in the same order with the same acceptance times as the in-process run, so the same tracks and incidents follow.
 * Not thread-safe: one run at a time.
 */
public final class ViaRun {
    /** How long the center may take to account for one run before the sender gives up. */
    static final Duration RUN_TIMEOUT = Duration.ofSeconds(60);
    /** A little more than the server's pipeline tick (1 s), waited once at the end. */
    static final Duration SETTLE = Duration.ofMillis(1500);

    /**
     * Where the center listens: its HTTP API and its adapters.
     *
     * @param klvPort the center's KLV UDP port ({@code ingest.klv.port}), needed for {@code --via klv} only: the
     *                center has no KLV port unless one is configured
     */
    public record Target(String host, int httpPort, int mavlinkPort, int klvPort, int cotPort, String mqttHost,
                         int mqttPort, String mqttPrefix, Optional<Path> tokens, Optional<String> apiToken) {
        public URI uri() {
            return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + httpPort + "/");
        }
    }

    /**
     * Messages sent by one protocol and what the center made of them.
     *
     * @param runs how many runs (stretches of consecutive messages by this protocol) they went in: each was awaited
     */
    public record Tally(long sent, long runs, long accepted, Map<String, Long> rejected) { }

    /** What the run did: the simulation's summary, the target's incidents, and per protocol what went. */
    public record Result(RunSummary run, List<Incident> incidents, Map<String, Tally> protocols, long accepted,
                         Map<String, Long> rejected) { }

    private final Simulation sim;
    private final Set<Protocol> via;
    private final Target target;
    private final TargetApi api;
    private final Map<Protocol, Sender> senders = new EnumMap<>(Protocol.class);
    private final Map<Protocol, Long> sent = new EnumMap<>(Protocol.class);
    private final Map<Protocol, Long> runs = new EnumMap<>(Protocol.class);
    private final Map<AssetId, Asset> assets = new LinkedHashMap<>();
    private TargetApi.Counts baseline;

    public ViaRun(Simulation sim, Set<Protocol> via, Target target) {
        this.sim = sim;
        this.via = java.util.Collections.unmodifiableSet(java.util.EnumSet.copyOf(via)); // reports in a fixed order
        this.target = target;
        this.api = new TargetApi(target.uri(), target.apiToken());
        sim.assets().forEach(a -> assets.put(a.id(), a));
    }

    /** Runs {@code length} of the simulation through the target; {@code progress} hears each step. */
    public Result run(Duration length, Consumer<SimStep> progress) {
        checkTarget();
        try {
            open();
            baseline = api.counts();
            List<Observation> step = new ArrayList<>();
            long[] seq = {0};
            SimulatedClock clock = new SimulatedClock(sim.now());
            RunSummary run = sim.run(length, (channel, o) -> {
                step.add(o);
                // The sender's own tally: "handed to a protocol"; the center's verdicts come from its counters.
                seq[0]++;
                return new Acceptance.Accepted(new AcceptedObservation(seq[0], AcceptedObservation.idFor(seq[0]),
                        o.time(), channel, o));
            }, clock, s -> {
                flush(step);
                step.clear();
                progress.accept(s);
            });
            LockSupport.parkNanos(SETTLE.toNanos());
            return result(run, api.counts());
        } finally {
            senders.values().forEach(Sender::close);
        }
    }

    private void checkTarget() {
        List<String> registered = api.assetIds();
        List<String> missing = assets.keySet().stream().map(AssetId::value).filter(id -> !registered.contains(id)).toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("the target " + api.base() + " does not know the simulated assets " + missing
                    + "; start it with: truce serve --scenario DIR --clock sensors --simulated-assets");
        }
        java.time.Instant clock = api.clock();
        if (clock.isAfter(sim.start().plus(Duration.ofHours(1)))) {
            // An empty center on its sensors' time has no time yet (the epoch); one on the system clock would refuse
            // every report of the theater as stale.
            throw new IllegalStateException("the target " + api.base() + " has its clock at " + clock + ", after the "
                    + "theater's start " + sim.start() + ": start it with --clock sensors on an empty --data directory");
        }
        long held = api.observationCount();
        if (held > 0) {
            throw new IllegalStateException("the target " + api.base() + " already holds " + held
                    + " observations; drive a center started on an empty --data directory");
        }
    }

    private void open() {
        for (Protocol p : via) {
            senders.put(p, switch (p) {
                case MAVLINK -> {
                    Map<AssetId, Integer> ids = new LinkedHashMap<>();
                    assets.values().forEach(a -> a.systemId().ifPresent(s -> ids.put(a.id(), s)));
                    yield new MavlinkSender(new InetSocketAddress(target.host(), target.mavlinkPort()), ids, sim.start());
                }
                case KLV -> {
                    if (target.klvPort() <= 0) {
                        throw new IllegalArgumentException("--via klv needs --klv-port N, the target's ingest.klv.port "
                                + "(off unless configured)");
                    }
                    yield new KlvSender(new InetSocketAddress(target.host(), target.klvPort()));
                }
                case COT -> new CotSender(new InetSocketAddress(target.host(), target.cotPort()));
                case MQTT -> {
                    Map<AssetId, String> owners = new LinkedHashMap<>();
                    assets.values().forEach(a -> owners.put(a.id(), a.owner().value()));
                    yield new MqttSender(target.mqttHost(), target.mqttPort(), target.mqttPrefix(), owners);
                }
                case HTTP -> new HttpSender(api, SimulatedAssets.readTokens(target.tokens().orElseThrow(() ->
                        new IllegalArgumentException("--via http needs --tokens FILE (DATA/"
                                + SimulatedAssets.TOKENS_FILE + " of the target)"))));
            });
        }
    }

    /** Sends one step's observations, run by run, each once the center has accounted for the one before. */
    private void flush(List<Observation> step) {
        int i = 0;
        while (i < step.size()) {
            Protocol p = route(step.get(i));
            List<Observation> run = new ArrayList<>();
            while (i < step.size() && route(step.get(i)) == p) run.add(step.get(i++));
            long before = sent.getOrDefault(p, 0L);
            sent.put(p, before + run.size());
            runs.merge(p, 1L, Long::sum);
            int answered = senders.get(p).send(run);
            if (answered < run.size()) awaitHandled(p, baseline.handled(p.channel()) + before + run.size());
        }
    }

    private Protocol route(Observation o) {
        return Protocol.route(assets.get(o.asset()), o, via);
    }

    private void awaitHandled(Protocol p, long expected) {
        long deadline = System.nanoTime() + RUN_TIMEOUT.toNanos();
        long handled;
        // Each look costs the center a metrics rendering: back off from 0.5 ms to 8 ms between looks.
        long pauseNs = 500_000;
        while ((handled = api.counts().handled(p.channel())) < expected) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the target accounted for " + handled + " of " + expected + " "
                        + p.channel() + " messages within " + RUN_TIMEOUT + " (lost datagrams? another sender on the "
                        + "same port or topic prefix?)");
            }
            LockSupport.parkNanos(pauseNs);
            pauseNs = Math.min(8_000_000, pauseNs * 2);
        }
    }

    private Result result(RunSummary run, TargetApi.Counts end) {
        Map<String, Tally> protocols = new LinkedHashMap<>();
        Map<String, Long> rejectedAll = new TreeMap<>();
        long acceptedAll = 0;
        for (Protocol p : via) {
            String ch = p.channel();
            Map<String, Long> rejected = new TreeMap<>();
            end.rejected().getOrDefault(ch, Map.of()).forEach((reason, n) -> {
                long d = n - baseline.rejected().getOrDefault(ch, Map.of()).getOrDefault(reason, 0L);
                if (d > 0) rejected.put(reason, d);
            });
            long s = sent.getOrDefault(p, 0L);
            long rejectedN = rejected.values().stream().mapToLong(Long::longValue).sum();
            // HTTP ingest answers per request and does not count acceptances in /metrics.
            long accepted = p == Protocol.HTTP ? s - rejectedN
                    : end.accepted().getOrDefault(ch, 0L) - baseline.accepted().getOrDefault(ch, 0L);
            protocols.put(ch, new Tally(s, runs.getOrDefault(p, 0L), accepted, rejected));
            acceptedAll += accepted;
            rejected.forEach((reason, n) -> rejectedAll.merge(reason, n, Long::sum));
        }
        return new Result(run, api.incidents(), protocols, acceptedAll, rejectedAll);
    }
}
