package org.truce.app;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code truce report}: the center's published reports; see docs/reports.md. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Writes the center's reports (see docs/reports.md).",
        subcommands = {DailyReportCommand.class})
final class ReportCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
