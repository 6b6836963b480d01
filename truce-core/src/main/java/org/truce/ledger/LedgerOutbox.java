package org.truce.ledger;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;

/**
 * Entries bound for the {@link Ledger}, appended in the order offered. An entry the ledger refuses (its store is
 * down) waits here, and the next {@link #offer} or {@link #flush} retries the waiting ones first, so the log keeps
 * the order in which things happened and a refusal never undoes the save that caused the entry. Thread-safe.
 */
public final class LedgerOutbox {
    private final Ledger ledger;
    private final Deque<byte[]> waiting = new ArrayDeque<>();

    public LedgerOutbox(Ledger ledger) {
        this.ledger = Objects.requireNonNull(ledger, "ledger");
    }

    /** Encodes the entry, queues it behind any waiting ones and tries to append them all. Never throws on refusal. */
    public synchronized void offer(EntryKind kind, Object payload) {
        waiting.add(ledger.codec().encode(kind, payload));
        try {
            flush();
        } catch (RuntimeException e) {
            // The caller's save stands; the entries wait here and the next offer or flush() retries them in order.
        }
    }

    /** Appends every entry still waiting; throws if the ledger still refuses (they stay queued). */
    public synchronized void flush() {
        while (!waiting.isEmpty()) {
            ledger.appendEncoded(waiting.peekFirst());
            waiting.removeFirst();
        }
    }

    /** Entries waiting for the ledger. */
    public synchronized int pending() {
        return waiting.size();
    }
}
