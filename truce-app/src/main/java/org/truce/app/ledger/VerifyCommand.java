package org.truce.app.ledger;

import org.truce.codec.JsonEntryCodec;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.truce.ledger.KeyRecord;
import org.truce.ledger.LogVerifier;
import org.truce.ledger.VerificationReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code truce verify DIR}: checks an exported log bundle offline. Exit 0 when every entry, tree head, signature and
 * consistency proof checks out; 1 with the first problem named otherwise; 2 when the bundle cannot be read.
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Verify an exported transparency-log bundle offline.",
                "Recomputes every leaf hash and tree head, checks every checkpoint's Ed25519 signatures, requires "
                        + "every contingent's signature (or a logged refusal) and checks RFC 9162 consistency between "
                        + "consecutive checkpoints. Names the first bad entry or signature.",
                "Exit codes: 0 valid, 1 invalid, 2 unreadable bundle or bad options."})
public final class VerifyCommand extends LedgerSubcommand {
    @Parameters(index = "0", paramLabel = "DIR", description = "The bundle directory (from `truce log export`).")
    Path dir;

    @Option(names = "--keys", paramLabel = "FILE",
            description = "Trust these verifier keys (keys.txt format: contingent key registered-at) instead of the "
                    + "bundle's own keys.txt. Use keys you obtained from each contingent directly.")
    Optional<Path> keys = Optional.empty();

    @Option(names = "--origin", paramLabel = "ORIGIN", description = "Require this log origin (default: the manifest's).")
    Optional<String> origin = Optional.empty();

    @Option(names = "--roster", split = ",", paramLabel = "ID",
            description = "Contingents whose signatures are required (default: the manifest's roster).")
    List<String> roster = List.of();

    @Option(names = "--verbose", description = "List every problem and note, not only the first problem.")
    boolean verbose;

    @Override
    protected int execute() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        VerificationReport r;
        try {
            if (!Files.isDirectory(dir)) throw new BundleFormatException(dir + ": no such directory");
            LedgerBundle b = LedgerBundle.open(dir);
            List<KeyRecord> trusted = keys.map(LedgerBundle::readKeys).orElseGet(b::keys);
            List<String> required = roster.isEmpty() ? b.roster() : roster;
            r = LogVerifier.verify(JsonEntryCodec.canonical(), b.entries(), b.checkpoints(), trusted, required,
                    Optional.of(origin.orElse(b.origin())));
            if (b.declaredEntries() != r.entries()) {
                List<VerificationReport.Problem> p = new java.util.ArrayList<>(r.problems());
                p.add(new VerificationReport.Problem("manifest.json", "lists " + b.declaredEntries()
                        + " entries but entries.log holds " + r.entries()));
                r = new VerificationReport(r.entries(), r.checkpoints(), r.jointCheckpoints(), r.latestJoint(),
                        r.recomputed(), p, r.notes());
            }
        } catch (BundleFormatException | java.io.UncheckedIOException e) {
            err.println("truce verify: " + e.getMessage());
            return 2;
        }
        if (r.ok()) {
            out.printf("OK: %d entries, %d checkpoints (%d joint); latest joint checkpoint: %s%n", r.entries(),
                    r.checkpoints(), r.jointCheckpoints(),
                    r.latestJoint().map(h -> "tree size " + h.size() + ", root " + h.root().base64()).orElse("none"));
        } else {
            err.println("INVALID: " + r.firstProblem().orElseThrow());
            if (r.problems().size() > 1) err.println("(" + (r.problems().size() - 1) + " further problems; --verbose lists them)");
        }
        if (verbose) {
            r.problems().stream().skip(1).forEach(p -> err.println("problem: " + p));
            r.notes().forEach(n -> out.println("note: " + n));
        }
        out.flush();
        err.flush();
        return r.ok() ? 0 : 1;
    }
}
