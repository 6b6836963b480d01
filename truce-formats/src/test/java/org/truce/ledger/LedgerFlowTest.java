package org.truce.ledger;

import org.truce.codec.JsonEntryCodec;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.truce.ledger.memory.InMemoryLedgerStore;
import org.truce.pipeline.CenterEvent;

/** Recorder → ledger → co-signed checkpoints → audit, in memory. */
class LedgerFlowTest {
    @Test
    void recordsBatchesAndIncidentsAndProducesJointCheckpointsThatVerify() {
        InMemoryLedgerStore store = new InMemoryLedgerStore();
        LedgerFixtures.Wired w = LedgerFixtures.wired(store, store);
        LedgerFixtures.feed(w, 25);
        List<EntryKind> kinds = new ArrayList<>();
        for (long i = 0; i < store.size(); i++) kinds.add(JsonEntryCodec.canonical().decode(store.entry(i).orElseThrow()).kind());
        assertThat(kinds).contains(EntryKind.OBSERVATION_BATCH, EntryKind.INCIDENT).doesNotContain(EntryKind.CHECKPOINT_REFUSAL);
        // Observations 1..7 precede the first incident change: 4 + 3 batched, then the incident.
        assertThat(kinds.subList(0, 3)).containsExactly(EntryKind.OBSERVATION_BATCH, EntryKind.OBSERVATION_BATCH,
                EntryKind.INCIDENT);
        assertThat(w.recorder().pending()).isZero();
        assertThat(store.checkpoints()).hasSize(3);
        SignedNote last = SignedNote.parse(store.checkpoints().get(2).note());
        assertThat(last.signatures()).extracting(NoteSignature::name).containsExactly("truce-test-RU-1", "truce-test-TR-1");
        assertThat(Checkpoint.parse(last.body()).head()).isEqualTo(w.ledger().head());

        VerificationReport r = LogVerifier.verify(JsonEntryCodec.canonical(), store, store, Optional.of(LedgerFixtures.ORIGIN));
        assertThat(r.problems()).isEmpty();
        assertThat(r.jointCheckpoints()).isEqualTo(3);
        assertThat(r.latestJoint()).contains(w.ledger().head());

        long n = w.ledger().size();
        for (long i = 0; i < n; i++) {
            assertThat(MerkleProofs.verifyInclusion(store.entry(i).orElseThrow(), i, n, w.ledger().inclusionProof(i, n),
                    w.ledger().head().root())).isTrue();
        }
    }

    @Test
    void batchesCloseAtTheSizeLimitAndAfterTheSpanOfCenterTime() {
        InMemoryLedgerStore store = new InMemoryLedgerStore();
        Ledger ledger = Ledger.open(store, JsonEntryCodec.canonical());
        LedgerRecorder rec = new LedgerRecorder(ledger, 100, Duration.ofSeconds(1));
        for (int i = 1; i <= 8; i++) rec.on(new CenterEvent.ObservationAccepted(LedgerFixtures.observation(i)));
        // 250 ms apart: observation 5 arrives 1 s after observation 1 and opens a new batch.
        assertThat(ledger.size()).isEqualTo(1);
        assertThat(rec.pending()).isEqualTo(4);
        rec.tick(LedgerFixtures.observation(5).received().plusMillis(999));
        assertThat(ledger.size()).isEqualTo(1);
        rec.tick(LedgerFixtures.observation(5).received().plusSeconds(1));
        assertThat(ledger.size()).isEqualTo(2);
        ObservationBatch b = JsonEntryCodec.canonical().payload(JsonEntryCodec.canonical().decode(store.entry(1).orElseThrow()), ObservationBatch.class);
        assertThat(b.firstSeq()).isEqualTo(5);
        assertThat(b.lastSeq()).isEqualTo(8);
    }

    @Test
    void aRefusalIsRecordedAndTheCheckpointIsNotJoint() {
        InMemoryLedgerStore store = new InMemoryLedgerStore();
        LedgerFixtures.Wired w = LedgerFixtures.wired(store, store);
        LedgerFixtures.feed(w, 12);
        // TR now reviews with a head it believes it signed but that this log never had: it must refuse.
        KeyCosigner misled = new KeyCosigner("TR", LedgerFixtures.TR_KEY, LedgerFixtures.ORIGIN,
                Optional.of(new TreeHead(2, Rfc9162.leafHashOf(new byte[] {9}))));
        Checkpointer cp = new Checkpointer(w.ledger(), store, LedgerFixtures.ORIGIN, LedgerFixtures.ROSTER,
                List.of(KeyCosigner.resume("RU", LedgerFixtures.RU_KEY, LedgerFixtures.ORIGIN, store), misled),
                Duration.ofMinutes(1), () -> { });
        w.recorder().on(new CenterEvent.ObservationAccepted(LedgerFixtures.observation(13)));
        w.recorder().flush();
        CheckpointOutcome out = cp.checkpoint(LedgerFixtures.T0.plusSeconds(3600));
        assertThat(out.joint()).isFalse();
        assertThat(out.refusals()).singleElement().satisfies(r -> {
            assertThat(r.refusal().contingent()).isEqualTo("TR");
            assertThat(r.refusal().reason()).contains("not consistent");
        });
        EntryCodec.DecodedEntry logged = JsonEntryCodec.canonical().decode(store.entry(out.refusals().get(0).entryIndex()).orElseThrow());
        assertThat(logged.kind()).isEqualTo(EntryKind.CHECKPOINT_REFUSAL);

        VerificationReport r = LogVerifier.verify(JsonEntryCodec.canonical(), store, store, Optional.of(LedgerFixtures.ORIGIN));
        assertThat(r.problems()).isEmpty();
        assertThat(r.notes()).anyMatch(s -> s.contains("TR refused"));
        assertThat(r.latestJoint().orElseThrow().size()).isLessThan(out.checkpoint().treeSize());
    }

    @Test
    void aContingentWithoutAKeyMakesTheCheckpointNonJoint() {
        InMemoryLedgerStore store = new InMemoryLedgerStore();
        Ledger ledger = Ledger.open(store, JsonEntryCodec.canonical());
        ledger.append(EntryKind.REPORT, java.util.Map.of("title", "daily"));
        Checkpointer cp = new Checkpointer(ledger, store, "o", List.of("RU", "TR"),
                List.of(new KeyCosigner("RU", LedgerFixtures.RU_KEY, "o", Optional.empty())), Duration.ZERO, () -> { });
        CheckpointOutcome out = cp.checkpoint(LedgerFixtures.T0);
        assertThat(out.joint()).isFalse();
        assertThat(out.refusals()).extracting(x -> x.refusal().contingent()).containsExactly("TR");
    }

    @Test
    void maybeCheckpointHonoursTheIntervalOfCenterTime() {
        InMemoryLedgerStore store = new InMemoryLedgerStore();
        LedgerFixtures.Wired w = LedgerFixtures.wired(store, store);
        w.recorder().on(new CenterEvent.ObservationAccepted(LedgerFixtures.observation(1)));
        assertThat(w.checkpointer().maybeCheckpoint(LedgerFixtures.T0)).isPresent();
        w.recorder().on(new CenterEvent.ObservationAccepted(LedgerFixtures.observation(2)));
        assertThat(w.checkpointer().maybeCheckpoint(LedgerFixtures.T0.plusSeconds(59))).isEmpty();
        assertThat(w.checkpointer().maybeCheckpoint(LedgerFixtures.T0.plusSeconds(60))).isPresent();
        assertThat(w.checkpointer().maybeCheckpoint(LedgerFixtures.T0.plusSeconds(200))).isEmpty();
    }

    @Test
    void auditorAlertsOnAnAlteredEntryAndOnAForgedCheckpoint() {
        InMemoryLedgerStore store = new InMemoryLedgerStore();
        LedgerFixtures.Wired w = LedgerFixtures.wired(store, store);
        LedgerFixtures.feed(w, 25);
        List<VerificationReport> alerts = new ArrayList<>();
        LedgerAuditor auditor = new LedgerAuditor(JsonEntryCodec.canonical(), store, store, Optional.of(LedgerFixtures.ORIGIN),
                Optional.of(w.ledger()), alerts::add);
        assertThat(auditor.audit().ok()).isTrue();
        assertThat(alerts).isEmpty();

        byte[] e = store.entry(3).orElseThrow();
        store.tamperEntry(3, new String(e, StandardCharsets.UTF_8).replace("RU-UAV-01", "RU-UAV-02")
                .getBytes(StandardCharsets.UTF_8));
        VerificationReport r = auditor.audit();
        assertThat(r.firstProblem().orElseThrow().where()).isEqualTo("entry 3");
        assertThat(alerts).hasSize(1);
    }

    @Test
    void aCheckpointSignedByAnUnrelatedKeyIsNotJoint() {
        InMemoryLedgerStore store = new InMemoryLedgerStore();
        LedgerFixtures.Wired w = LedgerFixtures.wired(store, store);
        LedgerFixtures.feed(w, 5);
        NoteSigner mallory = NoteSigner.generate("truce-test-TR-1", new SecureRandom());
        Checkpoint cp = new Checkpoint(LedgerFixtures.ORIGIN, w.ledger().head());
        store.addCheckpoint(new CheckpointRecord(cp.treeSize(), LedgerFixtures.T0,
                new SignedNote(cp.body(), List.of(LedgerFixtures.RU_KEY.sign(cp.body()), mallory.sign(cp.body()))).text()));
        VerificationReport r = LogVerifier.verify(JsonEntryCodec.canonical(), store, store, Optional.of(LedgerFixtures.ORIGIN));
        assertThat(r.firstProblem().orElseThrow().reason()).contains("no valid signature of contingent TR");
    }

    @Test
    void catchUpLogsObservationsAcceptedButNotYetLoggedBeforeARestart() {
        org.truce.store.memory.InMemoryStore center = new org.truce.store.memory.InMemoryStore();
        InMemoryLedgerStore store = new InMemoryLedgerStore();
        LedgerRecorder first = new LedgerRecorder(Ledger.open(store, JsonEntryCodec.canonical()), 100, Duration.ofHours(1));
        for (int i = 1; i <= 7; i++) {
            var a = center.observations().append(LedgerFixtures.T0, "sim", LedgerFixtures.observation(i).observation());
            first.on(new CenterEvent.ObservationAccepted(a));
            if (i == 3) first.flush();
        }
        assertThat(store.size()).isEqualTo(1);
        // The process stops with observations 4..7 in the open batch; the next run catches up.
        LedgerRecorder second = new LedgerRecorder(Ledger.open(store, JsonEntryCodec.canonical()), 3, Duration.ofHours(1));
        assertThat(second.catchUp(center.observations())).isEqualTo(4);
        assertThat(second.catchUp(center.observations())).isZero();
        List<Long> firsts = new ArrayList<>();
        for (long i = 0; i < store.size(); i++) {
            firsts.add(JsonEntryCodec.canonical().payload(JsonEntryCodec.canonical().decode(store.entry(i).orElseThrow()), ObservationBatch.class).firstSeq());
        }
        assertThat(firsts).containsExactly(1L, 4L, 7L);
    }

    @Test
    void aDamagedStoredKeyIsReportedNotThrown() {
        InMemoryLedgerStore store = new InMemoryLedgerStore();
        LedgerFixtures.Wired w = LedgerFixtures.wired(store, store);
        LedgerFixtures.feed(w, 3);
        store.addKey(new KeyRecord("TR", "garbage", LedgerFixtures.T0));
        VerificationReport r = LogVerifier.verify(JsonEntryCodec.canonical(), store, store, Optional.empty());
        assertThat(r.firstProblem().orElseThrow().where()).isEqualTo("key 3");
    }
}
