package org.truce.app.ledger;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.truce.store.jdbc.JdbcLedgerStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code truce log export --data DIR --out DIR}: writes a self-contained, offline-verifiable bundle. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Write the log as a self-contained bundle: entries, leaf hashes, checkpoints, public keys and "
                + "a README saying how to verify it (`truce verify OUT`, or your own verifier)."})
public final class LogExportCommand extends LedgerSubcommand {
    @Option(names = "--data", required = true, paramLabel = "DIR", description = "The center's data directory.")
    Path data;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Where to write the bundle (new or empty).")
    Path out;

    @Option(names = "--origin", paramLabel = "ORIGIN", description = "The log's origin (default: from its checkpoints).")
    Optional<String> origin = Optional.empty();

    @Override
    protected int execute() throws Exception {
        try (JdbcLedgerStore store = LedgerData.open(data)) {
            String o = LedgerData.origin(origin, store.checkpoints()).orElseThrow(() ->
                    new IllegalArgumentException("the log has no checkpoint yet: give --origin"));
            LedgerBundle.write(out, store, store, o, Clock.systemUTC().instant());
            spec.commandLine().getOut().printf("exported %d entries and %d checkpoints to %s%n", store.size(),
                    store.checkpoints().size(), out);
        }
        return 0;
    }
}
