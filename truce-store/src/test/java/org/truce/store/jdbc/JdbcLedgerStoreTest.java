package org.truce.store.jdbc;

import org.truce.codec.JsonEntryCodec;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.truce.ledger.CheckpointRecord;
import org.truce.ledger.CheckpointStore;
import org.truce.ledger.Hash;
import org.truce.ledger.Ledger;
import org.truce.ledger.LedgerAuditor;
import org.truce.ledger.LedgerFixtures;
import org.truce.ledger.LogVerifier;
import org.truce.ledger.Rfc9162;
import org.truce.ledger.SignedNote;
import org.truce.ledger.VerificationReport;

/** The JDBC ledger store on an H2 file database, and detection of every kind of tampering with its rows. */
class JdbcLedgerStoreTest {
    @TempDir
    Path dir;
    JdbcLedgerStore store;
    LedgerFixtures.Wired wired;

    @BeforeEach
    void fill() {
        store = JdbcLedgerStore.forUrl(JdbcLedgerStore.h2Url(dir));
        wired = LedgerFixtures.wired(store, store);
        LedgerFixtures.feed(wired, 40);
        assertThat(verify().problems()).isEmpty();
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void reopensToTheSameTreeHeadAndKeepsCheckpointsKeysAndRoster() {
        long size = wired.ledger().size();
        store.close();
        store = JdbcLedgerStore.forUrl(JdbcLedgerStore.h2Url(dir));
        Ledger reopened = Ledger.open(store, JsonEntryCodec.canonical());
        assertThat(reopened.head()).isEqualTo(wired.ledger().head());
        assertThat(store.size()).isEqualTo(size);
        assertThat(store.checkpoints()).hasSize(5);
        assertThat(store.keys()).extracting(k -> k.contingent()).containsExactly("RU", "TR");
        assertThat(store.roster()).containsExactly("RU", "TR");
        VerificationReport r = verify();
        assertThat(r.jointCheckpoints()).isEqualTo(5);
        assertThat(r.latestJoint()).contains(reopened.head());
    }

    @Test
    void theLatestCheckpointsAreTheNewestSignedByThenNewestFirstAsTheDefaultGives() {
        List<CheckpointRecord> all = store.checkpoints();
        java.time.Instant third = all.get(2).at();
        CheckpointStore plain = new org.truce.ledger.memory.InMemoryLedgerStore();
        all.forEach(plain::addCheckpoint);
        for (java.time.Instant at : List.of(third, all.getLast().at(), all.getFirst().at().minusSeconds(1))) {
            for (int limit : new int[] {1, 2, 10}) {
                assertThat(store.latestCheckpoints(at, limit)).as(at + " " + limit)
                        .isEqualTo(plain.latestCheckpoints(at, limit));
            }
        }
        assertThat(store.latestCheckpoints(all.getLast().at(), 1)).containsExactly(all.getLast());
        assertThat(store.latestCheckpoints(all.getFirst().at().minusSeconds(1), 5)).isEmpty();
    }

    @Test
    void alteredEntryIsNamed() throws SQLException {
        byte[] e = store.entry(5).orElseThrow();
        update("UPDATE ledger_entry SET entry = ? WHERE idx = 5", alter(e));
        assertThat(verify().firstProblem().orElseThrow().toString())
                .isEqualTo("entry 5: its bytes do not match its stored leaf hash (entry altered)");
    }

    @Test
    void alteredEntryWithRecomputedLeafHashBreaksTheCheckpointRoot() throws SQLException {
        byte[] e = alter(store.entry(5).orElseThrow());
        update("UPDATE ledger_entry SET entry = ?, leaf_hash = ? WHERE idx = 5", e, Rfc9162.leafHashOf(e).bytes());
        // Checkpoint 1 covers entries 0..3 and still holds; checkpoint 2 (size 8) is the first to cover entry 5.
        VerificationReport.Problem p = verify().firstProblem().orElseThrow();
        assertThat(p.where()).isEqualTo("checkpoint 2 (tree size 8)");
        assertThat(p.reason()).contains("does not match the entries' root").contains("entries in [4, 8)");
    }

    @Test
    void deletedEntryIsNamed() throws SQLException {
        update("DELETE FROM ledger_entry WHERE idx = 9");
        assertThat(verify().firstProblem().orElseThrow().toString())
                .startsWith("entry 9: missing: the next stored entry is 10");
    }

    @Test
    void deletedTailCoveredByACheckpointIsDetected() throws SQLException {
        long n = store.size();
        update("DELETE FROM ledger_entry WHERE idx = " + (n - 1));
        VerificationReport r = verify();
        assertThat(r.firstProblem().orElseThrow().reason()).contains("only " + (n - 1) + " are stored");
    }

    @Test
    void deletedUnsignedTailIsCaughtByTheAuditorAgainstTheRunningLog() throws SQLException {
        wired.ledger().append(org.truce.ledger.EntryKind.REPORT, java.util.Map.of("title", "daily"));
        long n = store.size();
        update("DELETE FROM ledger_entry WHERE idx = " + (n - 1));
        List<VerificationReport> alerts = new ArrayList<>();
        VerificationReport r = new LedgerAuditor(JsonEntryCodec.canonical(), store, store, Optional.of(LedgerFixtures.ORIGIN),
                Optional.of(wired.ledger()), alerts::add).audit();
        assertThat(r.firstProblem().orElseThrow().reason()).contains("entries removed");
        assertThat(alerts).hasSize(1);
    }

    @Test
    void insertedEntryIsDetected() throws SQLException {
        update("UPDATE ledger_entry SET idx = idx + 1000000 WHERE idx >= 4");
        update("UPDATE ledger_entry SET idx = idx - 999999 WHERE idx >= 1000000");
        byte[] forged = "truce-entry v1 report\n{\"title\":\"forged\"}".getBytes(StandardCharsets.UTF_8);
        update("INSERT INTO ledger_entry(idx, entry, leaf_hash) VALUES (4, ?, ?)", forged, Rfc9162.leafHashOf(forged).bytes());
        VerificationReport.Problem p = verify().firstProblem().orElseThrow();
        assertThat(p.where()).isEqualTo("checkpoint 2 (tree size 8)");
        assertThat(p.reason()).contains("entries in [4, 8) were altered, inserted, removed or reordered");
    }

    @Test
    void reorderedEntriesAreDetected() throws SQLException {
        update("UPDATE ledger_entry SET idx = -1 WHERE idx = 2");
        update("UPDATE ledger_entry SET idx = 2 WHERE idx = 3");
        update("UPDATE ledger_entry SET idx = 3 WHERE idx = -1");
        assertThat(verify().firstProblem().orElseThrow().reason()).contains("does not match the entries' root");
        // Swapping only the bytes (hashes left in place) is pinned to the entry.
        byte[] a = store.entry(6).orElseThrow();
        byte[] b = store.entry(7).orElseThrow();
        update("UPDATE ledger_entry SET entry = ? WHERE idx = 6", b);
        update("UPDATE ledger_entry SET entry = ? WHERE idx = 7", a);
        assertThat(verify().firstProblem().orElseThrow().where()).isEqualTo("entry 6");
    }

    @Test
    void replacedCheckpointIsDetected() throws SQLException {
        CheckpointRecord first = store.checkpoints().get(1);
        SignedNote note = SignedNote.parse(first.note());
        Hash other = Rfc9162.leafHashOf(new byte[] {42});
        String forgedBody = note.body().replace(note.body().split("\n")[2], other.base64());
        update("UPDATE ledger_checkpoint SET note = ? WHERE tree_size = ?",
                new SignedNote(forgedBody, note.signatures()).text(), first.treeSize());
        VerificationReport.Problem p = verify().firstProblem().orElseThrow();
        assertThat(p.where()).startsWith("checkpoint 2 ");
        assertThat(p.reason()).contains("signature of truce-test-RU-1 (contingent RU) does not verify");
    }

    private VerificationReport verify() {
        return LogVerifier.verify(JsonEntryCodec.canonical(), store, store, Optional.of(LedgerFixtures.ORIGIN));
    }

    private static byte[] alter(byte[] e) {
        return new String(e, StandardCharsets.UTF_8).replace("2020-11-14", "2020-11-15").getBytes(StandardCharsets.UTF_8);
    }

    private void update(String sql, Object... args) throws SQLException {
        try (Connection c = DriverManager.getConnection(JdbcLedgerStore.h2Url(dir), "sa", "");
             PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) ps.setObject(i + 1, args[i]);
            assertThat(ps.executeUpdate()).isPositive();
        }
    }
}
