package org.truce.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.truce.agreement.Agreement;
import org.truce.codec.TruceJson;
import org.truce.geo.LocalProjection;
import org.truce.pipeline.Center;
import org.truce.sim.RunSummary;
import org.truce.sim.Simulation;
import org.truce.sim.score.Accuracy;
import org.truce.sim.score.RunRecorder;
import org.truce.sim.setup.SimulationSetup;
import org.truce.store.memory.InMemoryStore;
import org.truce.time.SimulatedClock;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code truce evaluate}: runs the simulated theater through the real center once per seed, each in its own
 * in-memory store, and scores tracks, fire location, attribution and incidents against the ground truth
 * ({@link Accuracy}); writes the pooled and per-seed figures as JSON. Progress goes to stderr.
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = {"Runs the simulated theater through the center for each seed and scores it against the",
                "ground truth: track purity and completeness, fire location error against the Cramer-Rao bound,",
                "95 %% ellipse coverage, attribution, recall and precision. See docs/ACCURACY.md."})
final class EvaluateCommand implements Callable<Integer> {
    private static final Pattern RANGE = Pattern.compile("(\\d+)\\s*\\.\\.\\s*(\\d+)");
    private static final int MAX_SEEDS = 10_000;

    @Option(names = "--scenario", paramLabel = "DIR", description = "the scenario folder (default: scenarios/karabakh-2020)")
    Path scenario;

    @Option(names = "--seeds", paramLabel = "SEEDS", defaultValue = "1..20",
            description = "seeds to run: a range 1..20, a list 1,2,5, or both 1..3,7 (default: ${DEFAULT-VALUE})")
    String seeds;

    @Option(names = "--duration", paramLabel = "D", defaultValue = "24h",
            description = "simulated time per seed: 24h, 90m, 2d or ISO-8601 PT24H (default: ${DEFAULT-VALUE})")
    String duration;

    @Option(names = "--json", paramLabel = "FILE", required = true, description = "write the figures as JSON to FILE")
    Path json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Path dir = scenario != null ? scenario : Scenarios.defaultScenario();
        List<Long> seedList = parseSeeds(seeds);
        Duration length = SimulateCommand.parseDuration(duration);
        Agreement agreement = Scenarios.load(dir);
        SimulationSetup setup = CenterRuntime.loadSetup(dir);
        LocalProjection projection = new LocalProjection(agreement.projection());
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        List<Accuracy> runs = new ArrayList<>();
        List<Map<String, Object>> perSeed = new ArrayList<>();
        long wall = 0;
        for (long seed : seedList) {
            SeedRun a = run(agreement, setup, projection, seed, length, err);
            runs.add(a.accuracy());
            wall += a.wallMillis();
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("seed", seed);
            row.put("wallMillis", a.wallMillis());
            row.putAll(a.accuracy().figures());
            perSeed.add(row);
            err.printf("evaluate: seed %d done in %.1f s: purity %.3f, completeness %.3f, rms/crlb %.2f, "
                            + "coverage %.3f, wrong %d, recall %.3f, precision %.3f%n", seed, a.wallMillis() / 1000.0,
                    a.accuracy().tracks().purity(), a.accuracy().tracks().completeness(),
                    a.accuracy().location().rmsOverCrlb(), a.accuracy().location().ellipse95Coverage(),
                    a.accuracy().attribution().wrong(), a.accuracy().incidents().recall(),
                    a.accuracy().incidents().precision());
            err.flush();
        }
        Accuracy pooled = Accuracy.pooled(runs);
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("scenario", agreement.id());
        report.put("seeds", seedList);
        report.put("start", setup.start().toString());
        report.put("duration", length.toString());
        report.put("wallMillis", wall);
        report.putAll(pooled.figures());
        report.put("byRuleType", pooled.incidents().byRuleType());
        report.put("perSeed", perSeed);
        Path parent = json.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
        Files.writeString(json, TruceJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(report)
                + System.lineSeparator());
        out.printf("%s, %d seeds of %s: track purity %.3f, completeness %.3f, location RMS/CRLB %.2f over %d events, "
                        + "95%% ellipse coverage %.3f, wrong attributions %d, undetermined %.3f, recall %.3f, precision %.3f%n",
                agreement.id(), seedList.size(), length, pooled.tracks().purity(), pooled.tracks().completeness(),
                pooled.location().rmsOverCrlb(), pooled.location().locatedEvents(),
                pooled.location().ellipse95Coverage(), pooled.attribution().wrong(),
                pooled.attribution().undeterminedShare(), pooled.incidents().recall(), pooled.incidents().precision());
        out.printf("report: %s%n", json);
        out.flush();
        return ExitCodes.OK;
    }

    private record SeedRun(Accuracy accuracy, long wallMillis) { }

    private static SeedRun run(Agreement agreement, SimulationSetup setup, LocalProjection projection, long seed,
                               Duration length, PrintWriter err) {
        Instant t0 = setup.start();
        try (InMemoryStore store = new InMemoryStore()) {
            Simulation sim = new Simulation(agreement, setup, seed, t0, length);
            SimulatedClock clock = new SimulatedClock(t0);
            Center center = Center.builder(agreement).store(store).clock(clock).build();
            RunRecorder recorder = new RunRecorder();
            sim.observeOrigins(recorder);
            center.addListener(recorder);
            sim.assets().forEach(store.assets()::save);
            long[] lastPercent = {-1};
            RunSummary summary = sim.run(length, center, clock, step -> {
                center.tick();
                long pct = (long) Math.floor(step.fraction() * 10) * 10;
                if (pct != lastPercent[0]) {
                    lastPercent[0] = pct;
                    err.printf("evaluate: seed %d %3d%%  %s  %d observations%n", seed, pct, step.time(), step.accepted());
                    err.flush();
                }
            });
            center.tick();
            Accuracy a = Accuracy.of(sim.groundTruth(), recorder, store.incidents().all(), projection);
            return new SeedRun(a, summary.wallMillis());
        }
    }

    /** Seeds as a range {@code 1..20}, a list {@code 1,2,5}, or a list of ranges and seeds; sorted, no repeats. */
    static List<Long> parseSeeds(String text) {
        TreeSet<Long> out = new TreeSet<>();
        for (String part : text.split(",")) {
            String p = part.trim();
            if (p.isEmpty()) throw new UserError("--seeds '" + text + "': empty item (use 1..20 or 1,2,5)");
            Matcher m = RANGE.matcher(p);
            try {
                if (m.matches()) {
                    long from = Long.parseLong(m.group(1)), to = Long.parseLong(m.group(2));
                    if (to < from) throw new UserError("--seeds '" + text + "': range " + p + " runs backwards");
                    if (to - from >= MAX_SEEDS) throw new UserError("--seeds '" + text + "': more than " + MAX_SEEDS + " seeds");
                    for (long s = from; s <= to; s++) out.add(s);
                } else {
                    out.add(Long.parseLong(p));
                }
            } catch (NumberFormatException e) {
                throw new UserError("--seeds '" + text + "': '" + p + "' is not a seed number or a range such as 1..20");
            }
            if (out.size() > MAX_SEEDS) throw new UserError("--seeds '" + text + "': more than " + MAX_SEEDS + " seeds");
        }
        return List.copyOf(out);
    }
}
