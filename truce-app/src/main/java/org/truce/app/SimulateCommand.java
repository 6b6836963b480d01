package org.truce.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.truce.app.via.Protocol;
import org.truce.app.via.ViaRun;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.truce.agreement.Agreement;
import org.truce.airspace.FlightPlans;
import org.truce.sim.PatrolFlightPlans;
import org.truce.store.jdbc.JdbcStore;
import org.truce.cases.AutoAssessor;
import org.truce.cases.CasePolicy;
import org.truce.cases.CaseSimulation;
import org.truce.codec.TruceJson;
import org.truce.rules.Incident;
import org.truce.pipeline.Center;
import org.truce.sim.RunSummary;
import org.truce.sim.Simulation;
import org.truce.sim.score.Evaluation;
import org.truce.sim.setup.SimulationSetup;
import org.truce.store.Store;
import org.truce.store.memory.InMemoryStore;
import org.truce.time.SimulatedClock;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code truce simulate}: runs the simulated theater through the real pipeline as fast as possible and scores the
 * incidents against the ground truth; with {@code --via}, through a running center's protocol adapters instead
 * ({@link ViaRun}), with the same summary.
 */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = {"Runs a simulated theater through the center's pipeline, faster than real time,",
                "and scores the incidents against the simulator's ground truth (recall, precision, ...).",
                "For a live map of a simulation use: truce serve --simulate.",
                "With --via and --target it sends the theater through a running center's adapters instead",
                "(truce serve --clock sensors --simulated-assets) and scores the incidents that center raised."})
final class SimulateCommand implements Callable<Integer> {
    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(d|h|m|s)");

    @Option(names = "--scenario", paramLabel = "DIR", description = "the scenario folder (default: scenarios/karabakh-2020)")
    Path scenario;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--duration", paramLabel = "D", defaultValue = "24h",
            description = "simulated time to run: 24h, 90m, 2d or ISO-8601 PT24H (default: ${DEFAULT-VALUE})")
    String duration;

    @Option(names = "--start", paramLabel = "TIME", description = "scenario start, ISO-8601 UTC (default: from simulation.json)")
    String start;

    @Option(names = "--headless", description = "run without the HTTP server (required: use serve --simulate for a live map)")
    boolean headless;

    @Option(names = "--data", paramLabel = "DIR", description = "keep the run in an embedded store in DIR (default: in memory)")
    Path data;

    @Option(names = "--report-json", paramLabel = "FILE", description = "write the scored summary as JSON to FILE")
    Path reportJson;

    @Option(names = "--quiet", description = "no progress lines")
    boolean quiet;

    @Option(names = "--assessors", paramLabel = "SPEC",
            description = {"automatic assessors over the run's incidents, e.g. error=0.1,bias.AZ=0.2,min-delay=PT10M,"
                    + "max-delay=PT2H,seed=7; prefix CONTINGENT: for one contingent (TR:error=0.2); 'off' for none.",
                    "Repeatable; over the 'assessors' object of simulation.json (docs/simulation.md)"})
    List<String> assessors = new ArrayList<>();

    @Option(names = "--via", paramLabel = "LIST", split = ",",
            description = {"send the theater through a running center's adapters instead of in-process:",
                    "mavlink, klv, cot, mqtt, http (comma-separated; routing in docs/simulation.md). The target runs",
                    "truce serve --scenario DIR --clock sensors --simulated-assets on an empty --data"})
    List<String> via;

    @Option(names = "--target", paramLabel = "HOST[:PORT]",
            description = "the center --via drives: host and HTTP port (default port 8080)")
    String target;

    @Option(names = "--mavlink-port", paramLabel = "N", defaultValue = "14550",
            description = "the target's MAVLink UDP port (default: ${DEFAULT-VALUE})")
    int mavlinkPort;

    @Option(names = "--klv-port", paramLabel = "N",
            description = {"the target's MISB ST 0601 KLV UDP port, ingest.klv.port (required with --via klv: a",
                    "center listens for KLV only on a port it is given)"})
    Integer klvPort;

    @Option(names = "--cot-port", paramLabel = "N", defaultValue = "8087",
            description = "the target's CoT TCP port (default: ${DEFAULT-VALUE})")
    int cotPort;

    @Option(names = "--mqtt", paramLabel = "HOST[:PORT]",
            description = "the broker the target subscribes to (default: the target host, port 1883)")
    String mqtt;

    @Option(names = "--mqtt-prefix", paramLabel = "P", defaultValue = "truce",
            description = "the target's MQTT topic prefix, ingest.mqtt.topic-prefix (default: ${DEFAULT-VALUE})")
    String mqttPrefix;

    @Option(names = "--api-token-file", paramLabel = "FILE",
            description = {"a file holding a staff or auditor API token (truce users token) for --via: a center for",
                    "real sensors shows its assets, incidents and metrics only to them (http.operational-data)"})
    Path apiTokenFile;

    @Option(names = "--tokens", paramLabel = "FILE",
            description = "the target's HTTP tokens for the simulated assets, for --via http (DATA/simulated-asset-tokens.properties)")
    Path tokens;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (via != null || target != null) return callVia();
        if (!headless) {
            throw new UserError("simulate runs headless (add --headless); for a live map of a simulation use: truce serve --simulate");
        }
        Path dir = scenario != null ? scenario : Scenarios.defaultScenario();
        Duration length = parseDuration(duration);
        Agreement agreement = Scenarios.load(dir);
        SimulationSetup setup = CenterRuntime.loadSetup(dir);
        Optional<AssessorSetup> assessorSetup = AssessorSetup.of(dir.resolve("simulation.json"), assessors);
        List<AutoAssessor> autoAssessors = assessorSetup.map(a -> a.assessors(agreement, seed)).orElse(List.of());
        Instant t0 = start == null ? setup.start() : parseInstant(start);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();

        try (Store store = data == null ? new InMemoryStore() : CenterRuntime.openStore(data)) {
            if (data != null && store.observations().size() > 0) {
                throw new UserError(data + " already holds data; simulate into an empty --data directory");
            }
            Simulation sim = new Simulation(agreement, setup, seed, t0, length);
            SimulatedClock clock = new SimulatedClock(t0);
            Center center = Center.builder(agreement).store(store).clock(clock).build();
            sim.assets().forEach(store.assets()::save);
            long[] lastPercent = {-1};
            // A data directory gets the flight plans the contingents file for their drones, as a served center does.
            Optional<PatrolFlightPlans> patrolPlans = store instanceof JdbcStore j ? Optional.of(sim.flightPlans()) : Optional.empty();
            Optional<FlightPlans> flights = store instanceof JdbcStore j
                    ? Optional.of(new FlightPlans(j.flightPlanRepository(), store.assets()::find, clock)) : Optional.empty();
            Instant[] nextPlanCheck = {t0};
            RunSummary run = sim.run(length, center, clock, step -> {
                if (patrolPlans.isPresent() && !step.time().isBefore(nextPlanCheck[0])) {
                    patrolPlans.get().fileDue(flights.get(), step.time());
                    nextPlanCheck[0] = step.time().plus(Duration.ofMinutes(10));
                }
                center.tick();
                long pct = (long) Math.floor(step.fraction() * 10) * 10;
                if (!quiet && pct != lastPercent[0]) {
                    lastPercent[0] = pct;
                    err.printf("simulate: %3d%%  %s  %d observations, %d incidents%n", pct, step.time(),
                            step.accepted(), store.incidents().count());
                    err.flush();
                }
            });
            center.tick();
            Map<String, Object> extra = new LinkedHashMap<>();
            if (assessorSetup.isPresent()) {
                // Cases in the order their incidents began, each opened when its incident ended (CaseSimulation).
                List<Incident> incidents = store.incidents().all();
                CaseSimulation.Result cases = new CaseSimulation(CasePolicy.defaults(agreement.parity()))
                        .run(incidents, autoAssessors);
                extra.put("assessors", assessorSetup.get().describe(agreement, seed));
                extra.put("cases", cases.cases().size());
                extra.put("findings", cases.findings());
                extra.put("dissents", cases.dissents());
                extra.put("missingAssessments", cases.missingAssessments());
                extra.put("medianTimeToFinding", cases.medianTimeToFinding().map(Duration::toString).orElse(null));
            }
            report(agreement, t0, length, run.accepted(), run.rejected(), run.wallMillis(),
                    Evaluation.score(sim.groundTruth(), store.incidents().all()), extra, out);
            return ExitCodes.OK;
        }
    }

    /** The run through a running center's adapters: same theater, same summary, plus what went by each protocol. */
    private Integer callVia() throws IOException {
        if (via == null || target == null) throw new UserError("--via and --target go together");
        if (data != null) throw new UserError("--data does not apply with --via: the target keeps the run");
        Set<Protocol> protocols;
        try {
            protocols = Protocol.parse(String.join(",", via));
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
        if (protocols.contains(Protocol.KLV) && klvPort == null) {
            throw new UserError("--via klv needs --klv-port N: the target's ingest.klv.port (it has none by default)");
        }
        if (klvPort != null && (klvPort < 1 || klvPort > 65535)) {
            throw new UserError("--klv-port " + klvPort + ": port must be 1..65535");
        }
        HostPort http = HostPort.parse(target, 8080, "--target");
        HostPort broker = mqtt == null ? new HostPort(http.host(), 1883) : HostPort.parse(mqtt, 1883, "--mqtt");
        Path dir = scenario != null ? scenario : Scenarios.defaultScenario();
        Duration length = parseDuration(duration);
        Agreement agreement = Scenarios.load(dir);
        SimulationSetup setup = CenterRuntime.loadSetup(dir);
        Instant t0 = start == null ? setup.start() : parseInstant(start);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Simulation sim = new Simulation(agreement, setup, seed, t0, length);
        ViaRun.Target where = new ViaRun.Target(http.host(), http.port(), mavlinkPort, klvPort == null ? 0 : klvPort,
                cotPort, broker.host(), broker.port(), mqttPrefix, Optional.ofNullable(tokens), apiToken());
        long[] lastPercent = {-1};
        ViaRun.Result result;
        try {
            result = new ViaRun(sim, protocols, where).run(length, step -> {
                long pct = (long) Math.floor(step.fraction() * 10) * 10;
                if (!quiet && pct != lastPercent[0]) {
                    lastPercent[0] = pct;
                    err.printf("simulate --via: %3d%%  %s  %d observations sent%n", pct, step.time(), step.emitted());
                    err.flush();
                }
            });
        } catch (IllegalArgumentException | IllegalStateException | java.io.UncheckedIOException e) {
            throw new UserError("simulate --via " + String.join(",", via) + " to " + where.uri() + ": " + e.getMessage(), e);
        }
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("target", where.uri().toString());
        extra.put("via", result.protocols());
        report(agreement, t0, length, result.accepted(), result.rejected(), result.run().wallMillis(),
                Evaluation.score(sim.groundTruth(), result.incidents()), extra, out);
        result.protocols().forEach((p, t) -> out.printf("  %-8s %6d sent in %d runs, %6d accepted, %s rejected%n", p,
                t.sent(), t.runs(), t.accepted(), t.rejected().isEmpty() ? "0" : t.rejected()));
        out.flush();
        return ExitCodes.OK;
    }

    /** Writes the scored summary: the same JSON for an in-process and a --via run ({@code extra} adds to it). */
    private void report(Agreement agreement, Instant t0, Duration length, long accepted, Map<String, Long> rejected,
                        long wallMillis, Evaluation evaluation, Map<String, Object> extra, PrintWriter out)
            throws IOException {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("scenario", agreement.id());
        report.put("seed", seed);
        report.put("start", t0.toString());
        report.put("duration", length.toString());
        report.put("observations", accepted);
        report.put("rejected", rejected);
        report.put("wallMillis", wallMillis);
        Map<String, Object> score = TruceJson.mapper().convertValue(evaluation,
                TruceJson.mapper().getTypeFactory().constructMapType(LinkedHashMap.class, String.class, Object.class));
        report.putAll(score);
        report.putAll(extra);
        String json = TruceJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(report);
        if (reportJson != null) {
            Path parent = reportJson.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
            Files.writeString(reportJson, json + System.lineSeparator());
        }
        out.printf("%s seed %d, %s from %s: %d observations in %.1f s; %s incidents, recall %s, precision %s%n",
                agreement.id(), seed, length, t0, accepted, wallMillis / 1000.0,
                score.get("incidents"), score.get("recall"), score.get("precision"));
        if (report.containsKey("findings")) {
            out.printf("cases: %s findings, %s dissents, median time to finding %s%n", report.get("findings"),
                    report.get("dissents"), report.get("medianTimeToFinding") == null ? "-" : report.get("medianTimeToFinding"));
        }
        if (reportJson != null) out.printf("report: %s%n", reportJson);
        out.flush();
    }

    /** A host and a port, from {@code HOST[:PORT]} (an IPv6 address in brackets). */
    record HostPort(String host, int port) {
        static HostPort parse(String text, int defaultPort, String option) {
            String t = text.trim();
            Matcher m = Pattern.compile("^(\\[[^\\]]+]|[^:\\[\\]]+)(?::(\\d{1,5}))?$").matcher(t);
            if (!m.matches()) throw new UserError(option + " '" + text + "' is not HOST or HOST:PORT");
            String host = m.group(1).startsWith("[") ? m.group(1).substring(1, m.group(1).length() - 1) : m.group(1);
            int port = m.group(2) == null ? defaultPort : Integer.parseInt(m.group(2));
            if (port < 1 || port > 65535) throw new UserError(option + " '" + text + "': port must be 1..65535");
            return new HostPort(host, port);
        }
    }

    static Duration parseDuration(String text) {
        String s = text.trim();
        try {
            if (s.startsWith("P") || s.startsWith("p")) return positive(Duration.parse(s.toUpperCase()), text);
        } catch (DateTimeParseException e) {
            throw new UserError("--duration '" + text + "' is not a duration such as 24h, 90m or PT24H");
        }
        Matcher m = DURATION.matcher(s);
        if (!m.matches()) throw new UserError("--duration '" + text + "' is not a duration such as 24h, 90m or PT24H");
        double v = Double.parseDouble(m.group(1));
        long seconds = (long) (v * switch (m.group(2)) {
            case "d" -> 86_400;
            case "h" -> 3_600;
            case "m" -> 60;
            default -> 1;
        });
        return positive(Duration.ofSeconds(seconds), text);
    }

    private static Duration positive(Duration d, String text) {
        if (d.isZero() || d.isNegative()) throw new UserError("--duration '" + text + "' must be positive");
        return d;
    }

    private static Instant parseInstant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new UserError("--start '" + text + "' is not an ISO-8601 UTC time such as 2020-11-19T12:00:00Z");
        }
    }

    private Optional<String> apiToken() {
        if (apiTokenFile == null) return Optional.empty();
        try {
            String t = Files.readString(apiTokenFile).strip();
            if (t.isEmpty()) throw new UserError("--api-token-file " + apiTokenFile + " is empty");
            return Optional.of(t);
        } catch (IOException e) {
            throw new UserError("cannot read --api-token-file " + apiTokenFile + ": " + e.getMessage());
        }
    }
}
