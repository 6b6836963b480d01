package org.truce.app;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code truce bench}: the benchmarks of a center on this machine (docs/BENCHMARKS.md). Every mode is bounded in
 * count and time, loads only loopback addresses and stops by itself; each prints one table, every figure beside
 * its target.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Benchmarks on this machine, each bounded and on loopback only; one table per run, every",
                "figure beside its target (docs/BENCHMARKS.md):",
                "  ingest   HTTP batch or MAVLink/UDP load into a center: throughput, latency, disk, heap",
                "  history  fills a data directory with N days of the simulated theater",
                "  reads    times the read endpoints, the map's first draw, a report and a restart on a history",
                "  sim      a simulated day in memory and on the embedded store"},
        subcommands = {BenchIngestCommand.class, BenchHistoryCommand.class, BenchReadsCommand.class,
                BenchSimCommand.class, CommandLine.HelpCommand.class})
final class BenchCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
