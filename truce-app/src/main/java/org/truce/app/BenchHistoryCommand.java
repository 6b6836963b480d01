package org.truce.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import org.truce.agreement.Agreement;
import org.truce.app.bench.BenchTable;
import org.truce.app.bench.Machine;
import org.truce.pipeline.Center;
import org.truce.sim.RunSummary;
import org.truce.sim.Simulation;
import org.truce.sim.setup.SimulationSetup;
import org.truce.store.jdbc.JdbcStore;
import org.truce.time.SimulatedClock;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code truce bench history}: fills a data directory with N days of the simulated theater for the read
 * benchmarks, by the fastest path into the embedded store there is: the simulator straight into the pipeline on
 * the store (as {@code truce simulate --data}), no protocol in between. The result is a center for real sensors on
 * its sensors' time ({@code truce serve --data DIR --clock sensors}; {@code truce bench reads --data DIR}).
 */
@Command(name = "history", mixinStandardHelpOptions = true,
        description = {"Fills an empty data directory with N days of the simulated theater (embedded store), for",
                "truce bench reads. Prints its progress, then the time it took, observations, bytes on disk and heap."})
final class BenchHistoryCommand implements Callable<Integer> {
    @Option(names = "--days", paramLabel = "N", defaultValue = "1", description = "days of theater, 1..60 (default: ${DEFAULT-VALUE})")
    double days;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "the data directory to fill (absent or empty)")
    Path out;

    @Option(names = "--scenario", paramLabel = "DIR", description = "the scenario (default: scenarios/karabakh-2020)")
    Path scenario;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--quiet", description = "no progress lines")
    boolean quiet;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        BenchSupport.checkRange("--days", days, 1.0 / 24, 60);
        if (Files.isDirectory(out)) {
            try (var entries = Files.list(out)) {
                if (entries.findAny().isPresent()) throw new UserError("--out " + out + " must be empty or absent");
            }
        }
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path dir = BenchSupport.scenario(scenario);
        Agreement agreement = Scenarios.load(dir);
        SimulationSetup setup = CenterRuntime.loadSetup(dir);
        Duration length = Duration.ofSeconds(Math.round(days * 86_400));
        Instant t0 = setup.start();
        RunSummary run;
        long wall0 = System.nanoTime();
        long cpu0 = Machine.processCpuNanos();
        long incidents;
        long observations;
        long diskOpen;
        try (JdbcStore store = CenterRuntime.openStore(out)) {
            Simulation sim = new Simulation(agreement, setup, seed, t0, length);
            SimulatedClock clock = new SimulatedClock(t0);
            Center center = Center.builder(agreement).store(store).clock(clock).build();
            sim.assets().forEach(store.assets()::save);
            long[] lastReport = {System.nanoTime()};
            run = sim.run(length, center, clock, step -> {
                center.tick();
                long now = System.nanoTime();
                // Progress every 30 s of wall time: a month takes hours on a small machine.
                if (!quiet && now - lastReport[0] > 30_000_000_000L) {
                    lastReport[0] = now;
                    double elapsed = (now - wall0) / 1e9;
                    double rate = step.accepted() / elapsed;
                    double eta = step.fraction() > 0 ? elapsed / step.fraction() - elapsed : 0;
                    err.printf(java.util.Locale.ROOT, "bench history: %5.1f%%  %s  %,d observations, %,.0f/s, "
                            + "about %.0f s to go%n", step.fraction() * 100, step.time(), step.accepted(), rate, eta);
                    err.flush();
                }
            });
            center.tick();
            incidents = store.incidents().count();
            observations = store.observations().size();
            diskOpen = Machine.diskBytes(out);
        }
        long wall = System.nanoTime() - wall0;
        long cpu = Machine.processCpuNanos() - cpu0;
        long heap = Machine.heapAfterGc();
        long disk = Machine.diskBytes(out);
        BenchTable table = new BenchTable("truce bench history --days " + BenchTable.decimal(days, days == Math.rint(days) ? 0 : 2)
                + " --seed " + seed);
        table.row("simulated", length + " from " + t0 + " (" + agreement.id() + ")");
        table.row("observations in the store", BenchTable.count(observations) + "; incidents "
                + BenchTable.count(incidents), "30 days ≥ 10 M observations");
        table.row("wall time", BenchSupport.seconds(wall) + " (" + BenchTable.decimal(observations / (wall / 1e9), 0)
                + " observations/s); CPU time of the process " + BenchSupport.seconds(cpu));
        table.row("bytes on disk per observation, store open", BenchTable.bytes(diskOpen / (double) Math.max(1, observations))
                + " (data directory " + BenchTable.bytes(diskOpen) + ")", "≤ 1.5 KB");
        table.row("the same after a clean close (H2 compacts)", BenchTable.bytes(disk / (double) Math.max(1, observations))
                + " (data directory " + BenchTable.bytes(disk) + ")");
        table.row("heap used after GC, after the run", BenchTable.bytes(heap));
        table.row("serve it", "truce serve --data " + out + " --clock sensors; truce bench reads --data " + out);
        table.note("machine: " + Machine.describe());
        table.note("rejected by the pipeline: " + (run.rejected().isEmpty() ? "none" : run.rejected()));
        table.print(stdout);
        return ExitCodes.OK;
    }
}
