package org.truce.app.ledger;

import org.truce.codec.JsonEntryCodec;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Optional;
import org.truce.ledger.EntryKind;
import org.truce.ledger.KeyRecord;
import org.truce.ledger.Ledger;
import org.truce.ledger.NoteSigner;
import org.truce.store.jdbc.JdbcLedgerStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code truce log keygen}: makes a contingent's Ed25519 checkpoint key and, with --data, registers it. */
@Command(name = "keygen", mixinStandardHelpOptions = true,
        description = {"Generate an Ed25519 checkpoint-signing key for one contingent.",
                "Writes the private key file (owner-only) and prints the verifier key. With --data and --contingent "
                        + "the verifier key is registered and recorded in the log as a `key` entry. To rotate, "
                        + "generate a key with a new name (e.g. ...-2) for the same contingent; old keys stay "
                        + "registered so old checkpoints still verify."})
public final class LogKeygenCommand extends LedgerSubcommand {
    @Option(names = "--name", required = true, paramLabel = "NAME",
            description = "Key name: no spaces or '+'; include the contingent and a version, e.g. truce-karabakh-2020-ru-1.")
    String name;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Private key file to create.")
    Path out;

    @Option(names = "--data", paramLabel = "DIR", description = "Register the key in this data directory's log.")
    Optional<Path> data = Optional.empty();

    @Option(names = "--contingent", paramLabel = "ID", description = "The contingent owning the key (with --data).")
    Optional<String> contingent = Optional.empty();

    @Override
    protected int execute() throws Exception {
        if (data.isPresent() != contingent.isPresent()) {
            throw new IllegalArgumentException("--data and --contingent go together");
        }
        NoteSigner key = NoteSigner.generate(name, new SecureRandom());
        KeyFiles.write(out, key);
        spec.commandLine().getOut().println(key.verifier().text());
        if (data.isPresent()) {
            try (JdbcLedgerStore store = LedgerData.open(data.get())) {
                KeyRecord rec = new KeyRecord(contingent.get(), key.verifier().text(), Clock.systemUTC().instant());
                store.addKey(rec);
                Ledger.open(store, JsonEntryCodec.canonical()).append(EntryKind.KEY, rec);
            }
        }
        return 0;
    }
}
