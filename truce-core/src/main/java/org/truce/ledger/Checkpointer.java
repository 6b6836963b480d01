package org.truce.ledger;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Makes co-signed checkpoints: proposes the current tree head to every contingent of the roster, collects their
 * signatures into one C2SP signed note and stores it. The checkpoint is JOINT only with every contingent's
 * signature; each refusal (or a contingent without a configured cosigner) is appended to the log as a
 * {@link EntryKind#CHECKPOINT_REFUSAL} entry. Times are center time, passed in. Thread-safe (synchronized).
 */
public final class Checkpointer {
    private final Ledger ledger;
    private final CheckpointStore store;
    private final String origin;
    private final List<String> roster;
    private final Map<String, Cosigner> cosigners;
    private final Duration interval;
    private final Runnable beforeCheckpoint;
    private Instant lastAttempt;
    private long lastSize;

    /**
     * @param roster           contingent ids that must all sign, from the Agreement, in its order
     * @param interval         {@link #maybeCheckpoint} checkpoints when this much center time has passed
     * @param beforeCheckpoint run first (e.g. {@code LedgerRecorder::flush}, so pending records are included)
     */
    public Checkpointer(Ledger ledger, CheckpointStore store, String origin, List<String> roster,
                        List<? extends Cosigner> cosigners, Duration interval, Runnable beforeCheckpoint) {
        this.ledger = Objects.requireNonNull(ledger);
        this.store = Objects.requireNonNull(store);
        this.origin = Objects.requireNonNull(origin);
        this.roster = List.copyOf(roster);
        if (this.roster.isEmpty()) throw new IllegalArgumentException("the roster of contingents is empty");
        this.cosigners = cosigners.stream().collect(Collectors.toMap(Cosigner::contingent, Function.identity()));
        this.interval = Objects.requireNonNull(interval);
        this.beforeCheckpoint = Objects.requireNonNull(beforeCheckpoint);
        List<CheckpointRecord> existing = store.checkpoints();
        if (!existing.isEmpty()) {
            CheckpointRecord last = existing.get(existing.size() - 1);
            lastAttempt = last.at();
            lastSize = last.treeSize();
        }
        if (!store.roster().equals(this.roster)) store.setRoster(this.roster);
    }

    public String origin() {
        return origin;
    }

    /** Checkpoints if {@code interval} has passed since the last attempt and the log grew since. */
    public synchronized Optional<CheckpointOutcome> maybeCheckpoint(Instant now) {
        if (lastAttempt != null && now.isBefore(lastAttempt.plus(interval))) return Optional.empty();
        beforeCheckpoint.run();
        if (ledger.size() == lastSize && lastAttempt != null) return Optional.empty();
        if (ledger.size() == 0) return Optional.empty();
        return Optional.of(checkpoint(now));
    }

    /** Checkpoints now, whatever the interval (e.g. when a report is published). */
    public synchronized CheckpointOutcome checkpoint(Instant now) {
        beforeCheckpoint.run();
        Checkpoint cp = new Checkpoint(origin, ledger.head());
        List<NoteSignature> sigs = new ArrayList<>();
        List<CheckpointRefusal> refusals = new ArrayList<>();
        for (String contingent : roster) {
            Cosigner c = cosigners.get(contingent);
            Cosigner.Decision d;
            if (c == null) {
                d = new Cosigner.Decision.Refused("no signing key is configured for this contingent");
            } else {
                try {
                    d = c.review(cp, ledger::consistencyProof);
                } catch (RuntimeException e) {
                    d = new Cosigner.Decision.Refused("cosigner failed: " + e);
                }
            }
            switch (d) {
                case Cosigner.Decision.Signed s -> sigs.add(s.signature());
                case Cosigner.Decision.Refused r -> refusals.add(
                        new CheckpointRefusal(contingent, cp.treeSize(), cp.root().base64(), r.reason(), now));
            }
        }
        Optional<SignedNote> note = Optional.empty();
        if (!sigs.isEmpty()) {
            note = Optional.of(new SignedNote(cp.body(), sigs));
            store.addCheckpoint(new CheckpointRecord(cp.treeSize(), now, note.get().text()));
        }
        List<CheckpointOutcome.RecordedRefusal> recorded = new ArrayList<>();
        for (CheckpointRefusal r : refusals) {
            recorded.add(new CheckpointOutcome.RecordedRefusal(r, ledger.append(EntryKind.CHECKPOINT_REFUSAL, r)));
        }
        lastAttempt = now;
        lastSize = ledger.size();
        return new CheckpointOutcome(cp, note, refusals.isEmpty(), recorded);
    }
}
