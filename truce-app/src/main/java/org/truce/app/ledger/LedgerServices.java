package org.truce.app.ledger;

import org.truce.codec.JsonEntryCodec;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.truce.agreement.Agreement;
import org.truce.agreement.Contingent;
import org.truce.ledger.CheckpointStore;
import org.truce.ledger.Checkpointer;
import org.truce.ledger.EntryKind;
import org.truce.ledger.KeyCosigner;
import org.truce.ledger.KeyRecord;
import org.truce.ledger.Ledger;
import org.truce.ledger.LedgerAlertListener;
import org.truce.ledger.LedgerAuditor;
import org.truce.ledger.LedgerRecorder;
import org.truce.ledger.LedgerStore;
import org.truce.ledger.NoteSigner;
import org.truce.store.ObservationLog;

/**
 * The transparency log wired for a running center: the {@link Ledger}, the {@link LedgerRecorder} to add as a
 * {@code CenterListener}, the {@link Checkpointer} co-signing with each contingent's key file, and the
 * {@link LedgerAuditor}. Call {@link #tick(Instant)} with the center clock (e.g. every second) and
 * {@link #audit()} from a scheduler. Thread-safe as its parts are.
 *
 * @param origin the log's origin, {@code truce/<agreement id>}
 */
public record LedgerServices(String origin, Ledger ledger, LedgerRecorder recorder, Checkpointer checkpointer,
                             LedgerAuditor auditor) {
    public LedgerServices {
        Objects.requireNonNull(origin); Objects.requireNonNull(ledger); Objects.requireNonNull(recorder);
        Objects.requireNonNull(checkpointer); Objects.requireNonNull(auditor);
    }

    /** The origin line Truce uses for an agreement's log. */
    public static String originOf(Agreement agreement) {
        return "truce/" + agreement.id();
    }

    /**
     * Opens the log in {@code store} and wires it.
     *
     * @param keyFiles     contingent id → that contingent's private key file; a key not yet registered is registered
     *                     for its contingent and recorded in the log as a {@code key} entry. A contingent of the
     *                     Agreement without a key file is recorded as refusing each checkpoint.
     * @param interval     center time between checkpoints (e.g. one minute)
     * @param observations the accepted-input log, to log what a previous run accepted but had not logged
     * @param now          center time, for key registration
     */
    public static <S extends LedgerStore & CheckpointStore> LedgerServices open(
            Agreement agreement, S store, Map<String, Path> keyFiles, Duration interval, ObservationLog observations,
            Instant now, LedgerAlertListener alerts) {
        String origin = originOf(agreement);
        List<String> roster = agreement.contingents().stream().map(Contingent::id).map(c -> c.value()).toList();
        Ledger ledger = Ledger.open(store, JsonEntryCodec.canonical());
        List<KeyCosigner> cosigners = new ArrayList<>();
        for (Map.Entry<String, Path> e : keyFiles.entrySet()) {
            if (!roster.contains(e.getKey())) {
                throw new IllegalArgumentException("key file " + e.getValue() + " is for " + e.getKey()
                        + ", which is not a contingent of agreement " + agreement.id());
            }
            NoteSigner key = KeyFiles.read(e.getValue());
            String vkey = key.verifier().text();
            Optional<KeyRecord> known = store.keys().stream().filter(k -> k.verifierKey().equals(vkey)).findFirst();
            if (known.isPresent() && !known.get().contingent().equals(e.getKey())) {
                throw new IllegalArgumentException("key " + key.name() + " is registered for contingent "
                        + known.get().contingent() + ", not " + e.getKey());
            }
            if (known.isEmpty()) {
                KeyRecord rec = new KeyRecord(e.getKey(), vkey, now);
                store.addKey(rec);
                ledger.append(EntryKind.KEY, rec);
            }
            cosigners.add(KeyCosigner.resume(e.getKey(), key, origin, store));
        }
        LedgerRecorder recorder = LedgerRecorder.withDefaults(ledger);
        recorder.catchUp(observations);
        Checkpointer checkpointer = new Checkpointer(ledger, store, origin, roster, cosigners, interval, recorder::flush);
        LedgerAuditor auditor = new LedgerAuditor(JsonEntryCodec.canonical(), store, store, Optional.of(origin), Optional.of(ledger), alerts);
        return new LedgerServices(origin, ledger, recorder, checkpointer, auditor);
    }

    /** Closes a quiet batch and checkpoints when the interval has passed. */
    public void tick(Instant now) {
        recorder.tick(now);
        checkpointer.maybeCheckpoint(now);
    }

    /** Runs the self-check now; problems go to the alert listener and the system log. */
    public org.truce.ledger.VerificationReport audit() {
        return auditor.audit();
    }
}
