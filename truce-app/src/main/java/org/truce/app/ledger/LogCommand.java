package org.truce.app.ledger;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code truce log}: the transparency log's commands. */
@Command(name = "log", mixinStandardHelpOptions = true,
        description = "Work with the co-signed transparency log in a data directory.",
        subcommands = {LogExportCommand.class, LogCheckpointCommand.class, LogProofCommand.class,
                LogConsistencyCommand.class, LogKeygenCommand.class, LogAuditCommand.class})
public final class LogCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
