package org.truce.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.truce.agreement.Agreement;
import org.truce.agreement.Contingent;
import org.truce.app.ledger.KeyFiles;
import org.truce.app.ledger.LedgerServices;
import org.truce.ledger.NoteSigner;
import org.truce.pipeline.Center;
import org.truce.store.jdbc.JdbcLedgerStore;
import org.truce.store.jdbc.JdbcStore;

/** Wires the co-signed transparency log to a running center (docs/transparency-log.md). */
final class TransparencyLog {
    private TransparencyLog() {}

    /**
     * Opens the log in the center's store and records every accepted observation batch and incident change.
     *
     * @param keys contingent id → that contingent's private key file. A contingent without a key is recorded as
     *             refusing each checkpoint, so a checkpoint is joint only when every contingent signed.
     */
    static Wired open(Center center, JdbcStore store, Map<String, Path> keys, Settings settings, PrintWriter out) {
        Agreement agreement = center.agreement();
        JdbcLedgerStore tables = new JdbcLedgerStore(store.dataSource());
        LedgerServices ledger = LedgerServices.open(agreement, tables, keys,
                settings.duration("ledger.checkpoint-interval"), store.observations(), center.clock().instant(),
                report -> {
                    out.println("ALERT: the transparency log no longer matches what was co-signed: " + report);
                    out.flush();
                });
        center.addListener(ledger.recorder());
        return new Wired(ledger, tables);
    }

    /** The running log and the tables it lives in (which also hold its checkpoints and keys). */
    record Wired(LedgerServices services, JdbcLedgerStore tables) { }

    /**
     * Key files for a simulated center: one per contingent under {@code <data>/keys}, made when missing. A real
     * center never does this: each contingent keeps its own key on its own machine (truce log keygen).
     */
    static Map<String, Path> simulatedKeys(Agreement agreement, Path data, Instant now) {
        Map<String, Path> keys = new LinkedHashMap<>();
        Path dir = data.resolve("keys");
        try {
            Files.createDirectories(dir);
            for (Contingent c : agreement.contingents()) {
                Path file = dir.resolve(c.id().value() + ".key");
                if (!Files.exists(file)) {
                    String name = ("truce-" + agreement.id() + "-" + c.id().value() + "-sim-1").toLowerCase(Locale.ROOT);
                    KeyFiles.write(file, NoteSigner.generate(name, new SecureRandom()));
                }
                keys.put(c.id().value(), file);
            }
        } catch (IOException e) {
            throw new UserError("cannot write the simulated contingents' keys under " + dir + ": " + e.getMessage(), e);
        }
        return keys;
    }
}
