package org.truce.app.ledger;

import org.truce.codec.JsonEntryCodec;
import java.nio.file.Path;
import java.util.Optional;
import org.truce.ledger.LedgerAuditor;
import org.truce.ledger.VerificationReport;
import org.truce.store.jdbc.JdbcLedgerStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code truce log audit --data DIR}: the self-check, run once on the stored log. */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = {"Check the stored log in place, as the periodic self-check does: recompute every leaf and tree "
                + "head and compare with every co-signed checkpoint.", "Exit codes: 0 valid, 1 invalid."})
public final class LogAuditCommand extends LedgerSubcommand {
    @Option(names = "--data", required = true, paramLabel = "DIR", description = "The center's data directory.")
    Path data;

    @Override
    protected int execute() {
        try (JdbcLedgerStore store = LedgerData.open(data)) {
            VerificationReport r = new LedgerAuditor(JsonEntryCodec.canonical(), store, store, LedgerData.origin(Optional.empty(), store.checkpoints()),
                    Optional.empty(), report -> { }).audit();
            if (r.ok()) {
                spec.commandLine().getOut().printf("OK: %d entries, %d checkpoints (%d joint)%n", r.entries(),
                        r.checkpoints(), r.jointCheckpoints());
                return 0;
            }
            spec.commandLine().getErr().println("INVALID: " + r.firstProblem().orElseThrow());
            return 1;
        }
    }
}
