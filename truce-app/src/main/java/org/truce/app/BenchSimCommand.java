package org.truce.app;

import java.io.PrintWriter;
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
import org.truce.store.Store;
import org.truce.store.memory.InMemoryStore;
import org.truce.time.SimulatedClock;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code truce bench sim}: the same simulated day through the pipeline twice, in memory and on the embedded store
 * (a temporary data directory), timed as {@code truce simulate --headless} runs it; prints both times and their
 * ratio.
 */
@Command(name = "sim", mixinStandardHelpOptions = true,
        description = {"Runs the same simulated theater through the pipeline in memory and on the embedded store,",
                "and prints both wall times, their ratio, bytes on disk per observation and heap."})
final class BenchSimCommand implements Callable<Integer> {
    @Option(names = "--duration", paramLabel = "D", defaultValue = "24h",
            description = "simulated time, at most 7d (default: ${DEFAULT-VALUE})")
    String duration;

    @Option(names = "--scenario", paramLabel = "DIR", description = "the scenario (default: scenarios/karabakh-2020)")
    Path scenario;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--stores", paramLabel = "LIST", split = ",", defaultValue = "memory,embedded",
            description = "which runs: memory, embedded (default: ${DEFAULT-VALUE})")
    java.util.List<String> stores;

    @Spec
    CommandSpec spec;

    /** @param diskRunning bytes of the data directory before the store closed; {@code disk} after */
    private record Run(long observations, long incidents, long wallNanos, long cpuNanos, long heap, long diskRunning,
                       long disk) { }

    @Override
    public Integer call() {
        Duration length = BenchSupport.duration(duration, "--duration", Duration.ofDays(7));
        for (String s : stores) {
            if (!s.equals("memory") && !s.equals("embedded")) throw new UserError("--stores " + s + ": memory or embedded");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path dir = BenchSupport.scenario(scenario);
        Agreement agreement = Scenarios.load(dir);
        SimulationSetup setup = CenterRuntime.loadSetup(dir);
        BenchTable table = new BenchTable("truce bench sim --duration " + duration + " --seed " + seed);
        Run memory = null;
        Run embedded = null;
        if (stores.contains("memory")) {
            err.printf("bench sim: %s in memory ...%n", length);
            err.flush();
            memory = run(agreement, setup, length, new InMemoryStore(), null);
            table.row("in memory: wall time", BenchSupport.seconds(memory.wallNanos()) + " (" + BenchTable.count(memory.observations())
                    + " observations, " + BenchTable.count(memory.incidents()) + " incidents, "
                    + BenchTable.decimal(memory.observations() / (memory.wallNanos() / 1e9), 0) + "/s)",
                    length.equals(Duration.ofHours(24)) ? "≤ 10 s for 24 h" : "≤ 10 s for 24 h (scale)");
            table.row("in memory: CPU time of the process", BenchSupport.seconds(memory.cpuNanos()));
            table.row("in memory: heap after GC", BenchTable.bytes(memory.heap()));
        }
        if (stores.contains("embedded")) {
            err.printf("bench sim: %s on the embedded store ...%n", length);
            err.flush();
            Path data = BenchSupport.tempData("truce-bench-sim-");
            // A day's embedded store is gigabytes today: a run stopped with Ctrl-C removes it too.
            Thread cleanup = new Thread(() -> BenchSupport.deleteTree(data), "bench-cleanup");
            Runtime.getRuntime().addShutdownHook(cleanup);
            try {
                embedded = run(agreement, setup, length, CenterRuntime.openStore(data), data);
            } finally {
                BenchSupport.deleteTree(data);
                try {
                    Runtime.getRuntime().removeShutdownHook(cleanup);
                } catch (IllegalStateException shuttingDown) {
                    // the JVM is already exiting
                }
            }
            table.row("embedded store: wall time", BenchSupport.seconds(embedded.wallNanos()) + " ("
                    + BenchTable.count(embedded.observations()) + " observations, " + BenchTable.count(embedded.incidents())
                    + " incidents, " + BenchTable.decimal(embedded.observations() / (embedded.wallNanos() / 1e9), 0) + "/s)");
            table.row("embedded store: bytes on disk per observation, open", BenchTable.bytes(embedded.diskRunning()
                    / (double) Math.max(1, embedded.observations())) + " (" + BenchTable.bytes(embedded.diskRunning()) + ")",
                    "≤ 1.5 KB");
            table.row("embedded store: the same after a clean close (H2 compacts)", BenchTable.bytes(embedded.disk()
                    / (double) Math.max(1, embedded.observations())) + " (" + BenchTable.bytes(embedded.disk()) + ")");
            table.row("embedded store: CPU time of the process", BenchSupport.seconds(embedded.cpuNanos()));
            table.row("embedded store: heap after GC", BenchTable.bytes(embedded.heap()));
        }
        if (memory != null && embedded != null) {
            table.row("embedded / in memory, wall time", BenchTable.decimal(embedded.wallNanos() / (double) memory.wallNanos(), 2)
                    + "×", "≤ 1.5×");
            table.row("embedded / in memory, CPU time", BenchTable.decimal(embedded.cpuNanos() / (double) memory.cpuNanos(), 2)
                    + "× (the embedded run also waits for the disk)");
        }
        table.note("machine: " + Machine.describe());
        table.print(out);
        return ExitCodes.OK;
    }

    private Run run(Agreement agreement, SimulationSetup setup, Duration length, Store store, Path data) {
        Instant t0 = setup.start();
        RunSummary run;
        long wall;
        long incidents;
        long heap;
        long diskRunning;
        long cpu;
        try (store) {
            Simulation sim = new Simulation(agreement, setup, seed, t0, length);
            SimulatedClock clock = new SimulatedClock(t0);
            Center center = Center.builder(agreement).store(store).clock(clock).build();
            sim.assets().forEach(store.assets()::save);
            long w0 = System.nanoTime();
            long c0 = Machine.processCpuNanos();
            run = sim.run(length, center, clock, step -> center.tick());
            center.tick();
            wall = System.nanoTime() - w0;
            cpu = Machine.processCpuNanos() - c0;
            incidents = store.incidents().count();
            heap = Machine.heapAfterGc();
            diskRunning = data == null ? 0 : Machine.diskBytes(data);
        }
        // Measured once the store is closed: its file is then whole.
        return new Run(run.accepted(), incidents, wall, cpu, heap, diskRunning, data == null ? 0 : Machine.diskBytes(data));
    }
}
