package org.truce.app;

import org.truce.app.ledger.LogCommand;
import org.truce.app.ledger.VerifyCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code truce} command. Exit codes: 0 success, 1 runtime failure, 2 bad input (usage, invalid agreement or
 * configuration).
 */
@Command(name = "truce", mixinStandardHelpOptions = true, versionProvider = TruceCli.Version.class,
        description = "Software for a joint ceasefire monitoring center.",
        subcommands = {DemoCommand.class, ServeCommand.class, ValidateCommand.class, SimulateCommand.class,
                EvaluateCommand.class, ExportCommand.class, ReportCommand.class, LogCommand.class, VerifyCommand.class, UsersCommand.class,
                BenchCommand.class,
                CommandLine.HelpCommand.class})
public final class TruceCli implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        quietLibraries();
        System.exit(run(args));
    }

    /**
     * The command line prints what its user needs; components log through System.Logger (java.util.logging) and
     * speak up on the console only for warnings, unless TRUCE_LOG_LEVEL (e.g. INFO, FINE) says otherwise.
     */
    private static void quietLibraries() {
        java.util.logging.Level level;
        try {
            level = java.util.logging.Level.parse(System.getenv().getOrDefault("TRUCE_LOG_LEVEL", "WARNING"));
        } catch (IllegalArgumentException e) {
            level = java.util.logging.Level.WARNING;
        }
        java.util.logging.Logger root = java.util.logging.Logger.getLogger("");
        root.setLevel(level);
        for (var h : root.getHandlers()) h.setLevel(level);
    }

    /** Runs the command line and returns the exit code (tests call this instead of main). */
    public static int run(String... args) {
        return commandLine().execute(args);
    }

    /** The configured command line, for tests that capture its output. */
    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new TruceCli());
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (ex instanceof UserError u) {
                commandLine.getErr().println("truce: " + u.getMessage());
                return ExitCodes.BAD_INPUT;
            }
            commandLine.getErr().println("truce: " + ex);
            return ExitCodes.FAILURE;
        });
        return cli;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Reports the version from the jar manifest, or "development" when run from classes. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = TruceCli.class.getPackage().getImplementationVersion();
            return new String[] {"truce " + (v == null ? "development" : v)};
        }
    }
}
