package org.truce.app.ledger;

import org.truce.codec.JsonEntryCodec;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.truce.ledger.CheckpointRecord;
import org.truce.ledger.Hash;
import org.truce.ledger.Ledger;
import org.truce.ledger.MerkleProofs;
import org.truce.store.jdbc.JdbcLedgerStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code truce log proof --index N}: the RFC 9162 inclusion proof of one entry. */
@Command(name = "proof", mixinStandardHelpOptions = true,
        description = {"Print the RFC 9162 inclusion proof (audit path) of entry N in a tree head, base64 hashes one "
                + "per line, leaf side first, followed by the signed checkpoint of that size if there is one."})
public final class LogProofCommand extends LedgerSubcommand {
    @Option(names = "--data", required = true, paramLabel = "DIR", description = "The center's data directory.")
    Path data;

    @Option(names = "--index", required = true, paramLabel = "N", description = "0-based entry index.")
    long index;

    @Option(names = "--size", paramLabel = "SIZE",
            description = "Tree size of the head to prove against (default: the latest checkpoint's, else the current size).")
    Optional<Long> size = Optional.empty();

    @Override
    protected int execute() {
        try (JdbcLedgerStore store = LedgerData.open(data)) {
            Ledger ledger = Ledger.open(store, JsonEntryCodec.canonical());
            List<CheckpointRecord> cps = store.checkpoints();
            long n = size.orElseGet(() -> cps.isEmpty() || cps.get(cps.size() - 1).treeSize() <= index
                    ? ledger.size() : cps.get(cps.size() - 1).treeSize());
            if (index < 0 || index >= n) throw new IllegalArgumentException("--index " + index + " is not in a tree of size " + n);
            List<Hash> proof = ledger.inclusionProof(index, n);
            Hash root = ledger.root(n);
            Hash leaf = ledger.leafHash(index);
            PrintWriter out = spec.commandLine().getOut();
            out.println("leaf-index " + index);
            out.println("tree-size " + n);
            out.println("leaf-hash " + leaf.base64());
            out.println("root " + root.base64());
            out.println("verified " + MerkleProofs.verifyInclusion(leaf, index, n, proof, root));
            out.println("inclusion-proof " + proof.size());
            proof.forEach(h -> out.println(h.base64()));
            cps.stream().filter(c -> c.treeSize() == n).reduce((a, b) -> b).ifPresent(c -> {
                out.println("checkpoint");
                out.print(c.note());
            });
            out.flush();
            return 0;
        }
    }
}
