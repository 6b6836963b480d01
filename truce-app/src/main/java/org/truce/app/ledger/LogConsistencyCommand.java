package org.truce.app.ledger;

import org.truce.codec.JsonEntryCodec;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import org.truce.ledger.Hash;
import org.truce.ledger.Ledger;
import org.truce.ledger.MerkleProofs;
import org.truce.store.jdbc.JdbcLedgerStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code truce log consistency --from M --to N}: the RFC 9162 consistency proof between two tree sizes. */
@Command(name = "consistency", mixinStandardHelpOptions = true,
        description = "Print the RFC 9162 consistency proof between tree sizes M and N (base64 hashes, one per line).")
public final class LogConsistencyCommand extends LedgerSubcommand {
    @Option(names = "--data", required = true, paramLabel = "DIR", description = "The center's data directory.")
    Path data;

    @Option(names = "--from", required = true, paramLabel = "M", description = "The earlier tree size.")
    long from;

    @Option(names = "--to", required = true, paramLabel = "N", description = "The later tree size.")
    long to;

    @Override
    protected int execute() {
        try (JdbcLedgerStore store = LedgerData.open(data)) {
            Ledger ledger = Ledger.open(store, JsonEntryCodec.canonical());
            if (from < 0 || from > to || to > ledger.size()) {
                throw new IllegalArgumentException("need 0 <= --from <= --to <= " + ledger.size());
            }
            List<Hash> proof = ledger.consistencyProof(from, to);
            Hash r1 = ledger.root(from);
            Hash r2 = ledger.root(to);
            PrintWriter out = spec.commandLine().getOut();
            out.println("first-size " + from);
            out.println("first-root " + r1.base64());
            out.println("second-size " + to);
            out.println("second-root " + r2.base64());
            out.println("verified " + MerkleProofs.verifyConsistency(from, to, r1, r2, proof));
            out.println("consistency-proof " + proof.size());
            proof.forEach(h -> out.println(h.base64()));
            out.flush();
            return 0;
        }
    }
}
