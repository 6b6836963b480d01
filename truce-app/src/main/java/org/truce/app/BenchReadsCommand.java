package org.truce.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import org.truce.app.bench.BenchTable;
import org.truce.app.bench.Machine;
import org.truce.app.bench.Percentiles;
import org.truce.codec.TruceJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code truce bench reads}: starts a center on a data directory with history ({@code truce bench history}), times
 * the restart to serving, then each read endpoint the targets name (sequential requests over loopback: p50 and p99
 * of request → whole answer), the live map's first full draw (the requests its page makes before it shows
 * everything, in its order and parallelism) and a daily report over HTTP (time and peak heap).
 */
@Command(name = "reads", mixinStandardHelpOptions = true,
        description = {"Starts a center on a data directory with history (truce bench history) and times its",
                "restart to serving, GET /api/assets, /api/incidents?limit=100, /api/tracks, OGC items with a bbox,",
                "the live map's first full draw and a daily report. The center writes to DIR as a served one does."})
final class BenchReadsCommand implements Callable<Integer> {
    @Option(names = "--data", paramLabel = "DIR", required = true, description = "the data directory (truce bench history --out DIR)")
    Path data;

    @Option(names = "--scenario", paramLabel = "DIR", description = "the scenario (default: scenarios/karabakh-2020)")
    Path scenario;

    @Option(names = "--requests", paramLabel = "N", defaultValue = "100",
            description = "timed requests per endpoint, 1..10000, after 1–5 untimed (default: ${DEFAULT-VALUE})")
    int requests;

    @Option(names = "--max-per-endpoint", paramLabel = "D", defaultValue = "60s",
            description = "stop an endpoint's series after this long (default: ${DEFAULT-VALUE})")
    String maxPerEndpoint;

    @Option(names = "--report-timeout", paramLabel = "D", defaultValue = "120s",
            description = "how long to wait for the daily report; 0s skips it (default: ${DEFAULT-VALUE})")
    String reportTimeout;

    @Spec
    CommandSpec spec;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final ObjectMapper json = TruceJson.mapper();
    private URI base;

    private record Answer(int status, byte[] body, long nanos) { }

    @Override
    public Integer call() throws Exception {
        BenchSupport.checkRange("--requests", requests, 1, 10_000);
        Duration perEndpoint = BenchSupport.duration(maxPerEndpoint, "--max-per-endpoint", Duration.ofMinutes(30));
        Duration reportWait = reportTimeout.trim().equals("0s") || reportTimeout.trim().equals("0") ? Duration.ZERO
                : BenchSupport.duration(reportTimeout, "--report-timeout", Duration.ofHours(1));
        if (!Files.isDirectory(data)) throw new UserError("--data " + data + " is not a directory (truce bench history --out DIR)");
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path dir = BenchSupport.scenario(scenario);
        BenchTable table = new BenchTable("truce bench reads --data " + data);
        err.printf("bench reads: starting a center on %s (replays its log) ...%n", data);
        err.flush();
        long r0 = System.nanoTime();
        try (BenchSupport.OwnCenter center = BenchSupport.startCenter(dir, data, 0, false, BenchSupport.nowhere())) {
            base = center.uri();
            while (get("api/clock", Duration.ofSeconds(10)).status() != 200) Thread.sleep(10);
            long restart = System.nanoTime() - r0;
            JsonNode clock = json.readTree(get("api/clock", Duration.ofSeconds(10)).body());
            long observations = json.readTree(get("api/observations?limit=1", Duration.ofSeconds(60)).body()).path("total").asLong();
            long incidents = json.readTree(get("api/incidents?limit=1", Duration.ofSeconds(60)).body()).path("total").asLong();
            table.row("history served", BenchTable.count(observations) + " observations, " + BenchTable.count(incidents)
                    + " incidents; center clock " + clock.path("time").asText(), "≥ 10 M observations (30 days)");
            table.row("restart to serving (start → first answer)", BenchSupport.seconds(restart), "≤ 30 s");
            String bbox = middleOfZones();
            for (String path : List.of("api/assets", "api/incidents?limit=100", "api/tracks",
                    "ogc/collections/incidents/items?limit=100&bbox=" + bbox,
                    "ogc/collections/tracks/items?limit=100&bbox=" + bbox)) {
                err.printf("bench reads: GET /%s ...%n", path);
                err.flush();
                series(path, perEndpoint, table);
            }
            err.printf("bench reads: the live map's first full draw ...%n");
            err.flush();
            // Three draws, or one when a draw takes longer than 30 s (the run stays bounded on a slow center).
            List<Long> draws = new ArrayList<>();
            do {
                draws.add(mapDraw());
            } while (draws.size() < 3 && draws.get(draws.size() - 1) < 30_000_000_000L);
            draws.sort(null);
            table.row("live map first full draw (its requests, " + draws.size() + "×)", "median "
                    + BenchSupport.seconds(draws.get(draws.size() / 2)) + ", max " + BenchSupport.seconds(draws.get(draws.size() - 1))
                    + " (data only, not the browser's drawing)", "≤ 2 s");
            if (!reportWait.isZero()) dailyReport(clock, reportWait, err, table);
            table.row("heap used after GC, at the end", BenchTable.bytes(Machine.heapAfterGc()));
        }
        table.note("machine: " + Machine.describe());
        table.note("requests are sequential from one client over loopback, in the center's JVM; latency is request → whole answer");
        table.print(out);
        return ExitCodes.OK;
    }

    /** The middle half of the zones' bounding box, as {@code minLon,minLat,maxLon,maxLat}. */
    private String middleOfZones() throws IOException {
        JsonNode b = json.readTree(get("api/zones", Duration.ofSeconds(60)).body()).path("bbox");
        double w = b.get(2).asDouble() - b.get(0).asDouble();
        double h = b.get(3).asDouble() - b.get(1).asDouble();
        return String.format(Locale.ROOT, "%.4f,%.4f,%.4f,%.4f", b.get(0).asDouble() + w / 4, b.get(1).asDouble() + h / 4,
                b.get(2).asDouble() - w / 4, b.get(3).asDouble() - h / 4);
    }

    private void series(String path, Duration bound, BenchTable table) {
        // Warm-up, untimed: the first answer (cold caches) always; four more only when they are quick.
        Answer cold = check(path, get(path, Duration.ofMinutes(5)));
        if (cold.nanos() < 1_000_000_000L) for (int i = 0; i < 4; i++) check(path, get(path, Duration.ofMinutes(5)));
        List<Long> nanos = new ArrayList<>();
        long size = 0;
        long stop = System.nanoTime() + bound.toNanos();
        while (nanos.size() < requests && System.nanoTime() < stop) {
            Answer a = check(path, get(path, Duration.ofMinutes(5)));
            nanos.add(a.nanos());
            size = a.body().length;
        }
        Percentiles p = Percentiles.ofNanos(nanos.stream().mapToLong(Long::longValue).toArray());
        table.row("GET /" + path, p.describe() + ", " + BenchTable.bytes(size) + "; first (untimed) "
                + BenchSupport.seconds(cold.nanos())
                + (nanos.size() < requests ? " (series stopped after " + bound.toSeconds() + " s)" : ""), "p99 ≤ 50 ms");
    }

    /** The page's load: agreement, zones, assets and clock together, then tracks, then every incident page. */
    private long mapDraw() throws Exception {
        long t0 = System.nanoTime();
        List<CompletableFuture<Answer>> first = new ArrayList<>();
        for (String p : List.of("api/agreement", "api/zones", "api/assets", "api/clock")) {
            first.add(CompletableFuture.supplyAsync(() -> check(p, get(p, Duration.ofMinutes(5)))));
        }
        for (CompletableFuture<Answer> f : first) f.get();
        check("api/tracks", get("api/tracks", Duration.ofMinutes(5)));
        int offset = 0;
        while (true) {
            String p = "api/incidents?limit=1000&offset=" + offset;
            JsonNode page = json.readTree(check(p, get(p, Duration.ofMinutes(5))).body());
            int n = page.path("items").size();
            offset += n;
            if (n == 0 || offset >= page.path("total").asLong()) break;
        }
        return System.nanoTime() - t0;
    }

    private void dailyReport(JsonNode clock, Duration wait, PrintWriter err, BenchTable table) throws IOException {
        // The last whole day before the clock, if the history has one; else the day the clock is in.
        LocalDate today = Instant.parse(clock.path("time").asText()).atZone(ZoneOffset.UTC).toLocalDate();
        JsonNode first = json.readTree(get("api/observations?limit=1", Duration.ofSeconds(60)).body()).path("items").path(0);
        LocalDate firstDay = first.isMissingNode() ? today
                : Instant.parse(first.path("received").asText()).atZone(ZoneOffset.UTC).toLocalDate();
        LocalDate day = today.minusDays(1).isBefore(firstDay) ? today : today.minusDays(1);
        String path = "api/reports/daily/" + day + "?lang=en";
        err.printf("bench reads: GET /%s (waits at most %s) ...%n", path, wait);
        err.flush();
        Machine.heapAfterGc();
        Machine.resetPeakHeap();
        Answer a = get(path, wait);
        long peak = Machine.peakHeap();
        String value = a.status() == 200 ? BenchSupport.seconds(a.nanos()) + ", " + BenchTable.bytes(a.body().length)
                : a.status() == -1 ? "no answer within " + wait.toSeconds() + " s"
                : "answered " + a.status() + " after " + BenchSupport.seconds(a.nanos());
        table.row("daily report " + day + " (public, en, HTML over HTTP)", value, "≤ 10 s");
        table.row("peak heap while it was built (whole JVM, sum of pool peaks)", BenchTable.bytes(peak), "≤ 512 MB");
    }

    private Answer check(String path, Answer a) {
        if (a.status() != 200) {
            throw new IllegalStateException("GET /" + path + " answered " + a.status() + ": "
                    + new String(a.body(), java.nio.charset.StandardCharsets.UTF_8));
        }
        return a;
    }

    /** One GET; status -1 when it timed out. */
    private Answer get(String path, Duration timeout) {
        HttpRequest req = HttpRequest.newBuilder(base.resolve(path)).timeout(timeout).GET().build();
        long t0 = System.nanoTime();
        try {
            HttpResponse<byte[]> r = http.send(req, HttpResponse.BodyHandlers.ofByteArray());
            return new Answer(r.statusCode(), r.body(), System.nanoTime() - t0);
        } catch (java.net.http.HttpTimeoutException e) {
            return new Answer(-1, new byte[0], System.nanoTime() - t0);
        } catch (IOException e) {
            throw new IllegalStateException("GET " + req.uri() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
