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
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.truce.agreement.Agreement;
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
 * incidents against the ground truth.
 */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = {"Runs a simulated theater through the center's pipeline, faster than real time,",
                "and scores the incidents against the simulator's ground truth (recall, precision, ...).",
                "For a live map of a simulation use: truce serve --simulate."})
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

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
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
            RunSummary run = sim.run(length, center, clock, step -> {
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
            Map<String, Object> report = new LinkedHashMap<>();
            report.put("scenario", agreement.id());
            report.put("seed", seed);
            report.put("start", t0.toString());
            report.put("duration", length.toString());
            report.put("observations", run.accepted());
            report.put("rejected", run.rejected());
            report.put("wallMillis", run.wallMillis());
            Map<String, Object> score = TruceJson.mapper().convertValue(
                    Evaluation.score(sim.groundTruth(), store.incidents().all()),
                    TruceJson.mapper().getTypeFactory().constructMapType(LinkedHashMap.class, String.class, Object.class));
            report.putAll(score);
            if (assessorSetup.isPresent()) {
                // Cases in the order their incidents began, each opened when its incident ended (CaseSimulation).
                List<Incident> incidents = store.incidents().all();
                CaseSimulation.Result cases = new CaseSimulation(CasePolicy.defaults(agreement.parity()))
                        .run(incidents, autoAssessors);
                report.put("assessors", assessorSetup.get().describe(agreement, seed));
                report.put("cases", cases.cases().size());
                report.put("findings", cases.findings());
                report.put("dissents", cases.dissents());
                report.put("missingAssessments", cases.missingAssessments());
                report.put("medianTimeToFinding", cases.medianTimeToFinding().map(Duration::toString).orElse(null));
            }
            String json = TruceJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(report);
            if (reportJson != null) {
                Path parent = reportJson.toAbsolutePath().getParent();
                if (parent != null) Files.createDirectories(parent);
                Files.writeString(reportJson, json + System.lineSeparator());
            }
            out.printf("%s seed %d, %s from %s: %d observations in %.1f s; %s incidents, recall %s, precision %s%n",
                    agreement.id(), seed, length, t0, run.accepted(), run.wallMillis() / 1000.0,
                    score.get("incidents"), score.get("recall"), score.get("precision"));
            if (report.containsKey("findings")) {
                out.printf("cases: %s findings, %s dissents, median time to finding %s%n", report.get("findings"),
                        report.get("dissents"), report.get("medianTimeToFinding") == null ? "-" : report.get("medianTimeToFinding"));
            }
            if (reportJson != null) out.printf("report: %s%n", reportJson);
            out.flush();
            return ExitCodes.OK;
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
}
