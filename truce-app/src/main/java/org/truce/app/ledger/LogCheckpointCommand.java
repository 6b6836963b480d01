package org.truce.app.ledger;

import org.truce.codec.JsonEntryCodec;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.truce.ledger.CheckpointOutcome;
import org.truce.ledger.Checkpointer;
import org.truce.ledger.KeyCosigner;
import org.truce.ledger.KeyRecord;
import org.truce.ledger.Ledger;
import org.truce.ledger.NoteSigner;
import org.truce.store.jdbc.JdbcLedgerStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code truce log checkpoint}: co-signs the current tree head with the contingents' key files. */
@Command(name = "checkpoint", mixinStandardHelpOptions = true,
        description = {"Make a checkpoint of the current tree head, signed with each given contingent key.",
                "A contingent whose key is not given, or whose cosigner refuses (the head does not extend the last "
                        + "one it signed), is recorded in the log as a checkpoint refusal.",
                "Exit codes: 0 joint checkpoint, 1 not joint (refusals recorded), 2 bad options."})
public final class LogCheckpointCommand extends LedgerSubcommand {
    @Option(names = "--data", required = true, paramLabel = "DIR", description = "The center's data directory.")
    Path data;

    @Option(names = "--key", required = true, paramLabel = "FILE",
            description = "A contingent's private key file (repeat for each contingent).")
    List<Path> keys;

    @Option(names = "--origin", paramLabel = "ORIGIN", description = "The log's origin (default: from its checkpoints).")
    Optional<String> origin = Optional.empty();

    @Option(names = "--roster", split = ",", paramLabel = "ID",
            description = "Contingents that must sign (default: the roster stored with the log).")
    List<String> roster = List.of();

    @Override
    protected int execute() {
        try (JdbcLedgerStore store = LedgerData.open(data)) {
            List<String> required = roster.isEmpty() ? store.roster() : roster;
            if (required.isEmpty()) throw new IllegalArgumentException("the log has no roster yet: give --roster");
            String o = LedgerData.origin(origin, store.checkpoints())
                    .orElseThrow(() -> new IllegalArgumentException("the log has no checkpoint yet: give --origin"));
            List<KeyRecord> registered = store.keys();
            List<KeyCosigner> cosigners = new ArrayList<>();
            for (Path f : keys) {
                NoteSigner k = KeyFiles.read(f);
                String c = registered.stream().filter(r -> r.verifierKey().equals(k.verifier().text()))
                        .map(KeyRecord::contingent).findFirst()
                        .orElseThrow(() -> new IllegalArgumentException(f + ": key " + k.name()
                                + " is not registered with this log (truce log keygen --data ... --contingent ...)"));
                cosigners.add(KeyCosigner.resume(c, k, o, store));
            }
            Ledger ledger = Ledger.open(store, JsonEntryCodec.canonical());
            CheckpointOutcome out = new Checkpointer(ledger, store, o, required, cosigners, Duration.ZERO, () -> { })
                    .checkpoint(Clock.systemUTC().instant());
            out.note().ifPresent(n -> spec.commandLine().getOut().print(n.text()));
            out.refusals().forEach(r -> spec.commandLine().getErr().printf("refused by %s: %s (log entry %d)%n",
                    r.refusal().contingent(), r.refusal().reason(), r.entryIndex()));
            spec.commandLine().getOut().flush();
            return out.joint() ? 0 : 1;
        }
    }
}
