package org.truce.ledger;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import org.truce.pipeline.CenterEvent;
import org.truce.pipeline.CenterListener;
import org.truce.sensing.AcceptedObservation;
import org.truce.store.ObservationLog;

/**
 * Records the pipeline's accepted records in the transparency log: accepted observations in batches (a batch
 * closes at {@code maxBatch} observations or when an observation arrives {@code maxSpan} of center time after the
 * batch's first), and every incident record change as its own entry, after the observations that preceded it.
 * Tracks are not logged: they are projections rebuilt from the accepted-input log.
 *
 * <p>Encoded entries wait in an outbox until the ledger accepts them, so a failing store loses nothing: the next
 * {@link #flush} retries in order. Thread-safe (synchronized); call {@link #tick} periodically so a quiet period
 * does not leave a batch open, and {@link #flush} before a checkpoint.
 */
public final class LedgerRecorder implements CenterListener {
    private final Ledger ledger;
    private final int maxBatch;
    private final Duration maxSpan;
    private final List<AcceptedObservation> batch = new ArrayList<>();
    private final Deque<byte[]> outbox = new ArrayDeque<>();

    public LedgerRecorder(Ledger ledger, int maxBatch, Duration maxSpan) {
        this.ledger = Objects.requireNonNull(ledger);
        if (maxBatch < 1) throw new IllegalArgumentException("maxBatch must be >= 1");
        this.maxBatch = maxBatch;
        this.maxSpan = Objects.requireNonNull(maxSpan);
    }

    /** Defaults: 500 observations or 1 s of center time per batch. */
    public static LedgerRecorder withDefaults(Ledger ledger) {
        return new LedgerRecorder(ledger, 500, Duration.ofSeconds(1));
    }

    @Override
    public synchronized void on(CenterEvent event) {
        switch (event) {
            case CenterEvent.ObservationAccepted a -> {
                AcceptedObservation o = a.observation();
                if (!batch.isEmpty() && !o.received().isBefore(batch.get(0).received().plus(maxSpan))) closeBatch();
                batch.add(o);
                if (batch.size() >= maxBatch) closeBatch();
            }
            case CenterEvent.IncidentChanged i -> {
                closeBatch();
                outbox.add(ledger.codec().encode(EntryKind.INCIDENT, new IncidentChange(i.opened(), i.incident())));
            }
            case CenterEvent.TrackUpdated ignored -> { }
        }
        drain();
    }

    /** Closes the open batch if its first observation is {@code maxSpan} or more older than {@code now}. */
    public synchronized void tick(Instant now) {
        if (!batch.isEmpty() && !now.isBefore(batch.get(0).received().plus(maxSpan))) closeBatch();
        drain();
    }

    /** Closes the open batch and appends everything waiting. */
    public synchronized void flush() {
        closeBatch();
        drain();
    }

    /**
     * Logs the accepted observations that a previous run accepted but had not yet logged (its open batch when it
     * stopped): everything in {@code observations} after the last sequence number of the log's latest
     * observation-batch entry. Call once at start-up, before the pipeline runs. Returns how many were logged.
     */
    public synchronized long catchUp(ObservationLog observations) {
        long lastLogged = lastLoggedSeq();
        long added = 0;
        while (true) {
            List<AcceptedObservation> page = observations.read(lastLogged + 1, maxBatch);
            if (page.isEmpty()) break;
            for (AcceptedObservation o : page) {
                batch.add(o);
                if (batch.size() >= maxBatch) closeBatch();
            }
            closeBatch();
            drain();
            added += page.size();
            lastLogged = page.get(page.size() - 1).seq();
        }
        return added;
    }

    private long lastLoggedSeq() {
        for (long i = ledger.size() - 1; i >= 0; i--) {
            byte[] e = ledger.store().entry(i).orElse(null);
            if (e == null) continue;
            try {
                EntryCodec.DecodedEntry d = ledger.codec().decode(e);
                if (d.kind() == EntryKind.OBSERVATION_BATCH) return d.payload().text("lastSeq").map(LedgerRecorder::seq).orElse(0L);
            } catch (EntryFormatException bad) {
                // The auditor reports malformed entries; keep looking further back.
            }
        }
        return 0;
    }

    private static long seq(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            return 0; // as a missing lastSeq: the batch cannot say where it ended
        }
    }

    /** Observations in the open batch plus entries not yet in the ledger. */
    public synchronized int pending() {
        return batch.size() + outbox.size();
    }

    private void closeBatch() {
        if (batch.isEmpty()) return;
        outbox.add(ledger.codec().encode(EntryKind.OBSERVATION_BATCH, ObservationBatch.of(batch)));
        batch.clear();
    }

    private void drain() {
        while (!outbox.isEmpty()) {
            ledger.appendEncoded(outbox.peekFirst());
            outbox.removeFirst();
        }
    }
}
