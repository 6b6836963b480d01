package org.truce.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.locks.LockSupport;
import org.truce.agreement.Agreement;
import org.truce.app.bench.BenchTable;
import org.truce.app.bench.HttpLoad;
import org.truce.app.bench.LiveAlerts;
import org.truce.app.bench.Machine;
import org.truce.app.bench.MavlinkLoad;
import org.truce.app.bench.Percentiles;
import org.truce.app.bench.TheaterStream;
import org.truce.app.via.SimulatedAssets;
import org.truce.app.via.TargetApi;
import org.truce.sensing.AcceptedObservation;
import org.truce.sensing.Asset;
import org.truce.ground.AssetId;
import org.truce.sensing.Observation;
import org.truce.sim.setup.SimulationSetup;
import org.truce.store.jdbc.JdbcStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code truce bench ingest}: a bounded loopback load of the simulated theater's observations into a center, by
 * HTTP batch ({@link HttpLoad}) or MAVLink over UDP ({@link MavlinkLoad}), and one table of what it measured:
 * throughput, receipt → durable acknowledgement and receipt → live-feed alert percentiles, whether every
 * acknowledged observation is in the store after a restart, bytes on disk per observation and heap. One run per
 * instance (picocli makes one per execution); not thread-safe.
 */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = {"Sends the simulated theater's observations to a center over loopback, at a bounded rate for",
                "a bounded time, and prints throughput, latency percentiles, bytes on disk per observation and heap.",
                "Without --target it starts its own center (embedded store on a temporary --data directory,",
                "--clock sensors, the scenario's simulated assets) and checks after a restart that every",
                "acknowledged observation is in its store. See docs/BENCHMARKS.md."})
final class BenchIngestCommand implements Callable<Integer> {
    /** The observations a run holds in memory, encoded, before it sends them. */
    static final long MAX_OBSERVATIONS = 2_000_000;

    @Option(names = "--via", paramLabel = "PROTOCOL", defaultValue = "http",
            description = "http (POST /api/ingest/observations in batches) or mavlink (drone fixes over UDP) (default: ${DEFAULT-VALUE})")
    String via;

    @Option(names = "--rate", paramLabel = "N", defaultValue = "20000",
            description = "observations offered per second (default: ${DEFAULT-VALUE})")
    double rate;

    @Option(names = "--duration", paramLabel = "D", defaultValue = "30s",
            description = "how long to offer them, at most 10m (default: ${DEFAULT-VALUE})")
    String duration;

    @Option(names = "--batch", paramLabel = "N", defaultValue = "500",
            description = "observations per request (one asset's) or per UDP burst, 1..2000 (default: ${DEFAULT-VALUE})")
    int batch;

    @Option(names = "--connections", paramLabel = "N", defaultValue = "4",
            description = "HTTP requests in flight at most, 1..64 (default: ${DEFAULT-VALUE})")
    int connections;

    @Option(names = "--scenario", paramLabel = "DIR", description = "the scenario (default: scenarios/karabakh-2020)")
    Path scenario;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "seed of the theater (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--skip", paramLabel = "D", defaultValue = "0s",
            description = {"theater time to run silently before the load's first observation, so a short run starts",
                    "where incidents are raised (Karabakh, seed 1: the first at about 1 h 13 min) (default: ${DEFAULT-VALUE})"})
    String skip;

    @Option(names = "--data", paramLabel = "DIR",
            description = {"own center: its data directory (must be empty; default: a temporary one, deleted after);",
                    "with --target: the target's data directory, to measure bytes on disk"})
    Path data;

    @Option(names = "--target", paramLabel = "URL",
            description = {"a running center on this machine (http://127.0.0.1:PORT/), started with",
                    "truce serve --clock sensors --simulated-assets on an empty --data; default: start one"})
    URI target;

    @Option(names = "--tokens", paramLabel = "FILE", description = "with --target and --via http: DATA/simulated-asset-tokens.properties")
    Path tokens;

    @Option(names = "--mavlink-port", paramLabel = "N", defaultValue = "14550",
            description = "with --target and --via mavlink: its MAVLink UDP port (default: ${DEFAULT-VALUE})")
    int mavlinkPort;

    @Option(names = "--api-token-file", paramLabel = "FILE",
            description = "with --target: a staff or auditor API token, for its live feed and metrics")
    Path apiTokenFile;

    @Option(names = "--quiet", description = "no progress lines")
    boolean quiet;

    @Spec
    CommandSpec spec;

    /** Log sequence number → asset, of every observation the center acknowledged (HTTP; empty for MAVLink). */
    private final Map<Long, String> ackedAssets = new HashMap<>();

    @Override
    public Integer call() throws IOException {
        boolean mavlink = switch (via.toLowerCase(java.util.Locale.ROOT)) {
            case "http" -> false;
            case "mavlink" -> true;
            default -> throw new UserError("--via " + via + ": http or mavlink");
        };
        Duration length = BenchSupport.duration(duration, "--duration", Duration.ofMinutes(10));
        BenchSupport.checkRange("--rate", rate, 1, 1_000_000);
        BenchSupport.checkRange("--batch", batch, 1, 2000);
        BenchSupport.checkRange("--connections", connections, 1, 64);
        Duration skipped = skip.trim().matches("0+[smhd]?") ? Duration.ZERO
                : BenchSupport.duration(skip, "--skip", Duration.ofDays(30));
        long count = (long) Math.ceil(rate * length.toMillis() / 1000.0);
        if (count > MAX_OBSERVATIONS) {
            throw new UserError("--rate × --duration = " + count + " observations, more than the " + MAX_OBSERVATIONS
                    + " a run holds in memory; lower one of them");
        }
        if (target != null) {
            try {
                HttpLoad.requireLoopback(String.valueOf(target.getHost()));
            } catch (IllegalArgumentException e) {
                throw new UserError("--target " + target + ": " + e.getMessage());
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path dir = BenchSupport.scenario(scenario);
        Agreement agreement = Scenarios.load(dir);
        SimulationSetup setup = CenterRuntime.loadSetup(dir);
        Map<AssetId, Asset> assets = new LinkedHashMap<>();
        SimulatedAssets.of(agreement, setup).forEach(a -> assets.put(a.id(), a));

        progress(err, "generating %,d observations of the theater (%s, seed %d) ...", count, agreement.id(), seed);
        long g0 = System.nanoTime();
        // Karabakh emits about 3.8 observations a second of scenario time, 1.55 of them drone fixes: plan from a little less.
        TheaterStream stream = TheaterStream.generate(agreement, setup, seed, count, batch, skipped, mavlink ? 1.2 : 3.0,
                mavlink ? o -> o instanceof Observation.PlatformFix && assets.get(o.asset()).systemId().isPresent()
                        : o -> true);
        progress(err, "generated %,d observations in %,d batches (%s of scenario time after %s) in %s",
                stream.observations(), stream.batches().size(), stream.scenarioTime(), skipped,
                BenchSupport.seconds(System.nanoTime() - g0));

        boolean own = target == null;
        Path ownData = own ? (data != null ? data : BenchSupport.tempData("truce-bench-ingest-")) : null;
        if (own && data != null && Files.isDirectory(data)) {
            try (var entries = Files.list(data)) {
                if (entries.findAny().isPresent()) throw new UserError("--data " + data + " must be empty");
            }
        }
        // A run stopped with Ctrl-C leaves no temporary store behind (it can be gigabytes).
        Thread cleanup = own && data == null ? new Thread(() -> BenchSupport.deleteTree(ownData), "bench-cleanup") : null;
        if (cleanup != null) Runtime.getRuntime().addShutdownHook(cleanup);
        BenchSupport.OwnCenter center = null;
        BenchTable table = new BenchTable("truce bench ingest --via " + (mavlink ? "mavlink" : "http") + " --rate "
                + BenchTable.decimal(rate, 0).replace(",", "") + " --duration " + duration + " --batch " + batch
                + (mavlink ? "" : " --connections " + connections) + (skipped.isZero() ? "" : " --skip " + skip));
        try {
            long c0 = System.nanoTime();
            if (own) {
                int port = mavlink ? BenchSupport.freeUdpPort() : 0;
                center = BenchSupport.startCenter(dir, ownData, port, true, BenchSupport.nowhere());
                progress(err, "started a center on %s in %s (%s)", ownData, BenchSupport.seconds(System.nanoTime() - c0),
                        center.uri());
            }
            URI base = own ? center.uri() : target;
            Optional<String> apiToken = apiToken();
            TargetApi api = new TargetApi(base, apiToken);
            Path measured = own ? ownData : data;
            long diskBefore = measured == null ? 0 : Machine.diskBytes(measured);
            long heldBefore = api.observationCount();
            Machine.resetPeakHeap();
            long cpu0 = Machine.processCpuNanos();
            long wall0 = System.nanoTime();
            if (mavlink) {
                runMavlink(stream, base, own ? center.mavlinkPort() : mavlinkPort, assets, setup, api, length, err, table);
            } else {
                Map<String, String> tok = SimulatedAssets.readTokens(own ? ownData.resolve(SimulatedAssets.TOKENS_FILE)
                        : Optional.ofNullable(tokens).orElseThrow(() -> new UserError(
                        "--target with --via http needs --tokens FILE (DATA/" + SimulatedAssets.TOKENS_FILE + ")")));
                runHttp(stream, base, tok, apiToken, length, err, table);
            }
            table.row("CPU time of the process during the load", BenchSupport.seconds(Machine.processCpuNanos() - cpu0)
                    + " over " + BenchSupport.seconds(System.nanoTime() - wall0) + " wall"
                    + (own ? " (center and generator)" : " (this generator only)"));
            stream = null; // the encoded load is garbage now: the heap figure is the center's
            long heapPeak = Machine.peakHeap();
            long heap = Machine.heapAfterGc();
            long accepted = api.observationCount() - heldBefore;
            // While the center runs (what a running center costs); H2 compacts its file when it closes.
            long diskRunning = measured == null ? 0 : Machine.diskBytes(measured);
            if (own) {
                center.close();
                center = null;
                verify(ownData, table);
            } else {
                table.row("acknowledged observations in the target's log", BenchTable.count(accepted)
                        + " new entries (count only: the target's store is not read directly)", "nothing acknowledged lost");
            }
            if (measured != null && accepted > 0) {
                table.row("bytes on disk per accepted observation, running", BenchTable.bytes((diskRunning - diskBefore)
                        / (double) accepted) + " (data directory " + BenchTable.bytes(diskBefore) + " → "
                        + BenchTable.bytes(diskRunning) + ", " + BenchTable.count(accepted) + " observations)", "≤ 1.5 KB");
                if (own) {
                    long diskClosed = Machine.diskBytes(measured);
                    table.row("the same after a clean close (H2 compacts on close)", BenchTable.bytes((diskClosed - diskBefore)
                            / (double) accepted) + " (data directory " + BenchTable.bytes(diskClosed) + ")");
                }
            }
            table.row("heap used after GC, after the run", BenchTable.bytes(heap) + (own ? " (center and generator in one JVM)" : " (this generator)"));
            table.row("peak heap during the run (sum of pool peaks)", BenchTable.bytes(heapPeak));
            table.note("machine: " + Machine.describe());
            table.note(own ? "the generator and the center share this JVM and its cores; the bodies were encoded before the timed phase"
                    : "target " + base);
            table.print(out);
            return ExitCodes.OK;
        } finally {
            if (center != null) center.close();
            if (cleanup != null) {
                BenchSupport.deleteTree(ownData);
                try {
                    Runtime.getRuntime().removeShutdownHook(cleanup);
                } catch (IllegalStateException shuttingDown) {
                    // the JVM is already exiting: the hook runs anyway, on a tree that is gone
                }
            }
        }
    }

    private void runHttp(TheaterStream stream, URI base, Map<String, String> tok, Optional<String> apiToken,
                         Duration length, PrintWriter err, BenchTable table) {
        HttpLoad load = new HttpLoad(base, tok);
        try (LiveAlerts alerts = LiveAlerts.subscribe(base, apiToken)) {
            progress(err, "sending for %s at %,.0f observations/s in batches of %d over %d connections ...", length, rate,
                    batch, connections);
            HttpLoad.Result r = load.run(stream.batches(), rate, length, connections);
            LockSupport.parkNanos(1_500_000_000L); // the last alerts are on their way
            Map<Long, Long> sentAt = new HashMap<>();
            for (HttpLoad.Ack a : r.acks()) for (long s : a.seqs()) sentAt.put(s, a.sentNanos());
            Percentiles ack = Percentiles.ofNanos(r.latencyNanos());
            Percentiles alert = Percentiles.ofNanos(alerts.receiptToAlertNanos(s -> sentAt.getOrDefault(s, -1L)));
            table.row("observations offered", BenchTable.count(r.offered()) + " (" + BenchTable.decimal(rate, 0)
                    + "/s for " + length.toSeconds() + " s)");
            table.row("observations sent", BenchTable.count(r.sent()) + " in " + BenchTable.count(r.requests())
                    + " requests (mean batch " + BenchTable.decimal(r.requests() == 0 ? 0 : r.sent() / (double) r.requests(), 1)
                    + "); last request " + BenchSupport.seconds(r.lagNanos()) + " behind schedule");
            table.row("accepted (durably acknowledged)", BenchTable.count(r.accepted()) + "; rejected "
                    + (r.rejected().isEmpty() ? "0" : r.rejected().toString()) + "; failed requests " + r.failed()
                    + (r.failed() > 0 ? " (first: " + r.firstFailure() + ")" : ""));
            table.row("throughput (accepted / first send → last answer)", BenchTable.decimal(r.throughput(), 0)
                    + " observations/s over " + BenchSupport.seconds(r.elapsedNanos()), "≥ 20,000 observations/s");
            table.row("receipt → durable ack (per request)", ack.describe(), "p99 ≤ 50 ms");
            table.row("receipt → alert on the live feed", alert.describe() + " of " + alerts.alerts().size()
                    + " incident events" + (alerts.failure().isEmpty() ? "" : "; feed: " + alerts.failure()), "p99 ≤ 100 ms");
            ackedAssets.clear();
            for (HttpLoad.Ack a : r.acks()) for (long s : a.seqs()) ackedAssets.put(s, a.asset());
        }
    }

    private void runMavlink(TheaterStream stream, URI base, int port, Map<AssetId, Asset> assets, SimulationSetup setup,
                            TargetApi api, Duration length, PrintWriter err, BenchTable table) {
        Map<AssetId, Integer> ids = new LinkedHashMap<>();
        assets.values().forEach(a -> a.systemId().ifPresent(s -> ids.put(a.id(), s)));
        TargetApi.Counts before = api.counts();
        MavlinkLoad load = new MavlinkLoad(new InetSocketAddress(base.getHost(), port), ids, setup.start());
        progress(err, "sending for %s at %,.0f fixes/s in bursts of %d to udp/%d ...", length, rate, batch, port);
        MavlinkLoad.Result r = load.run(stream.batches(), rate, length,
                () -> api.counts().handled("mavlink") - before.handled("mavlink"),
                () -> api.counts().accepted().getOrDefault("mavlink", 0L) - before.accepted().getOrDefault("mavlink", 0L));
        table.row("fixes offered", BenchTable.count(r.offered()) + " (" + BenchTable.decimal(rate, 0) + "/s for "
                + length.toSeconds() + " s)");
        table.row("fixes sent", BenchTable.count(r.sent()) + " in " + BenchSupport.seconds(r.sendNanos())
                + "; last burst " + BenchSupport.seconds(r.lagNanos()) + " behind schedule");
        table.row("accounted for by the center (/metrics)", BenchTable.count(r.handled()) + " (accepted "
                + BenchTable.count(r.accepted()) + "; not accounted for when the drain ended "
                + BenchTable.count(r.sent() - r.handled()) + ": dropped by a full socket buffer or still queued; UDP has "
                + "no acknowledgement)");
        table.row("throughput (accepted / send + drain)", BenchTable.decimal(r.throughput(), 0) + " fixes/s",
                "≥ 20,000 observations/s (stated for HTTP batch)");
        table.row("drain: last datagram → counters settle", BenchSupport.seconds(r.drainNanos())
                + (r.handled() < r.sent() && r.drainNanos() >= 59_000_000_000L ? " (the 60 s bound: still growing)" : "")
                + " (no per-observation latency: UDP is not acknowledged)");
        ackedAssets.clear();
    }

    /** Reopens the store after the center closed and looks up every acknowledged observation. */
    private void verify(Path dir, BenchTable table) {
        if (ackedAssets.isEmpty()) {
            try (JdbcStore store = CenterRuntime.openStore(dir)) {
                table.row("observations in the store after a restart", BenchTable.count(store.observations().size())
                        + " (MAVLink: nothing was acknowledged, so only counted)");
            }
            return;
        }
        long[] seqs = ackedAssets.keySet().stream().mapToLong(Long::longValue).sorted().toArray();
        long found = 0;
        long wrong = 0;
        try (JdbcStore store = CenterRuntime.openStore(dir)) {
            int i = 0;
            while (i < seqs.length) {
                List<AcceptedObservation> page = store.observations().read(seqs[i], 1000);
                if (page.isEmpty()) break;
                for (AcceptedObservation a : page) {
                    while (i < seqs.length && seqs[i] < a.seq()) i++;
                    if (i < seqs.length && seqs[i] == a.seq()) {
                        if (a.observation().asset().value().equals(ackedAssets.get(a.seq()))) found++;
                        else wrong++;
                        i++;
                    }
                }
            }
        }
        long lost = seqs.length - found;
        table.row("acknowledged observations found after a restart", BenchTable.count(found) + " of "
                + BenchTable.count(seqs.length) + " (lost " + BenchTable.count(lost) + (wrong > 0 ? ", of another asset "
                + wrong : "") + ")", "nothing acknowledged lost");
    }

    private Optional<String> apiToken() throws IOException {
        if (apiTokenFile == null) return Optional.empty();
        String t = Files.readString(apiTokenFile).strip();
        if (t.isEmpty()) throw new UserError("--api-token-file " + apiTokenFile + " is empty");
        return Optional.of(t);
    }

    private void progress(PrintWriter err, String format, Object... args) {
        if (quiet) return;
        err.printf("bench: " + format + "%n", args);
        err.flush();
    }
}
