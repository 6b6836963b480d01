package org.truce.app.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.truce.ledger.LedgerFixtures;
import org.truce.store.jdbc.JdbcLedgerStore;
import picocli.CommandLine;

/** The log commands end to end: an H2 data directory, export, offline verification, tampered bundles. */
class LogCommandsTest {
    @TempDir
    Path tmp;
    Path data;
    Path bundle;

    @BeforeEach
    void exportALog() {
        data = tmp.resolve("data");
        bundle = tmp.resolve("bundle");
        try (JdbcLedgerStore store = JdbcLedgerStore.forUrl(JdbcLedgerStore.h2Url(createDirs(data)))) {
            LedgerFixtures.feed(LedgerFixtures.wired(store, store), 30);
        }
        Result r = run(new LogCommand(), "export", "--data", data.toString(), "--out", bundle.toString());
        assertThat(r.code).as(r.err).isZero();
    }

    @Test
    void anExportedBundleVerifies() throws Exception {
        Result r = run(new VerifyCommand(), bundle.toString());
        assertThat(r.code).as(r.err).isZero();
        assertThat(r.out).startsWith("OK: ").contains("4 checkpoints (4 joint)");
        assertThat(bundle.resolve("README.md")).exists();
        assertThat(bundle.resolve("keys/truce-test-RU-1.pem")).exists();
        assertThat(Files.readAllLines(bundle.resolve("entries.log"))).hasSize(2 * (int) countEntries());
    }

    @Test
    void namesAnAlteredEntryInTheBundle() throws Exception {
        Path log = bundle.resolve("entries.log");
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        lines.set(7, lines.get(7).replace("2020-11-14", "2020-11-13"));
        Files.write(log, (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
        Result r = run(new VerifyCommand(), bundle.toString());
        assertThat(r.code).isEqualTo(1);
        assertThat(r.err).startsWith("INVALID: entry 3: its bytes do not match its stored leaf hash");
    }

    @Test
    void namesADeletedEntryEvenWithMatchingHashes() throws Exception {
        dropLine(bundle.resolve("leaf-hashes.txt"), 2);
        Path log = bundle.resolve("entries.log");
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        lines.remove(5);
        lines.remove(4);
        Files.write(log, (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
        Result r = run(new VerifyCommand(), bundle.toString());
        assertThat(r.code).isEqualTo(1);
        assertThat(r.err).contains("checkpoint 1").contains("were altered, inserted, removed or reordered");
    }

    @Test
    void namesAReplacedCheckpointSignature() throws Exception {
        Path note = bundle.resolve("checkpoints/000002.note");
        String text = Files.readString(note);
        String[] lines = text.split("\n");
        Files.writeString(note, text.replace(lines[1], String.valueOf(Long.parseLong(lines[1]) + 1)));
        Result r = run(new VerifyCommand(), bundle.toString());
        assertThat(r.code).isEqualTo(1);
        assertThat(r.err).startsWith("INVALID: checkpoint 2");
    }

    @Test
    void refusesToTrustKeysOtherThanTheGivenOnes() throws Exception {
        Path trusted = tmp.resolve("trusted.txt");
        Files.writeString(trusted, Files.readAllLines(bundle.resolve("keys.txt")).get(0) + "\n");
        Result r = run(new VerifyCommand(), "--keys", trusted.toString(), bundle.toString());
        assertThat(r.code).isEqualTo(1);
        assertThat(r.err).contains("no valid signature of contingent TR");
    }

    @Test
    void reportsAnUnreadableBundleWithExitCode2() {
        Result r = run(new VerifyCommand(), tmp.resolve("nowhere").toString());
        assertThat(r.code).isEqualTo(2);
        assertThat(r.err).contains("no such directory");
    }

    @Test
    void keygenCheckpointProofAndConsistency() throws Exception {
        Path key = tmp.resolve("ru-2.key");
        Result g = run(new LogCommand(), "keygen", "--name", "truce-test-RU-2", "--out", key.toString(),
                "--data", data.toString(), "--contingent", "RU");
        assertThat(g.code).as(g.err).isZero();
        assertThat(g.out.trim()).startsWith("truce-test-RU-2+");
        assertThat(Files.readString(key)).startsWith("PRIVATE+KEY+truce-test-RU-2+");

        // Only RU's new key is given: TR's refusal is recorded and the checkpoint is not joint.
        Result c = run(new LogCommand(), "checkpoint", "--data", data.toString(), "--key", key.toString());
        assertThat(c.code).isEqualTo(1);
        assertThat(c.out).contains("\u2014 truce-test-RU-2 ");
        assertThat(c.err).contains("refused by TR: no signing key is configured");

        Result p = run(new LogCommand(), "proof", "--data", data.toString(), "--index", "3");
        assertThat(p.code).as(p.err).isZero();
        assertThat(p.out).contains("verified true").contains("checkpoint\n");

        Result k = run(new LogCommand(), "consistency", "--data", data.toString(), "--from", "3", "--to", "9");
        assertThat(k.code).as(k.err).isZero();
        assertThat(k.out).contains("verified true");

        Result a = run(new LogCommand(), "audit", "--data", data.toString());
        assertThat(a.code).as(a.err).isZero();

        Path again = tmp.resolve("bundle2");
        assertThat(run(new LogCommand(), "export", "--data", data.toString(), "--out", again.toString()).code).isZero();
        Result v = run(new VerifyCommand(), "--verbose", again.toString());
        assertThat(v.code).as(v.err).isZero();
        assertThat(v.out).contains("contingent TR refused to sign");
    }

    @Test
    void everyCommandHasHelp() {
        for (String sub : List.of("export", "checkpoint", "proof", "consistency", "keygen", "audit")) {
            Result r = run(new LogCommand(), sub, "--help");
            assertThat(r.code).isZero();
            assertThat(r.out).contains("Usage:");
        }
        assertThat(run(new VerifyCommand(), "--help").out).contains("Exit codes");
    }

    private long countEntries() {
        try (JdbcLedgerStore store = JdbcLedgerStore.forUrl(JdbcLedgerStore.h2Url(data))) {
            return store.size();
        }
    }

    private static void dropLine(Path file, int index) throws Exception {
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(file));
        lines.remove(index);
        Files.write(file, lines);
    }

    private static Path createDirs(Path p) {
        try {
            return Files.createDirectories(p);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    record Result(int code, String out, String err) {
    }

    static Result run(Object command, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(command);
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(args);
        return new Result(code, out.toString(), err.toString());
    }
}
