package org.truce.ledger;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The periodic self-check: re-reads the whole stored log, recomputes every leaf and tree head, checks them against
 * every stored checkpoint (signatures, roots, consistency) and against the live {@link Ledger}'s head, and alerts
 * the listener and the system log when anything differs. Call {@link #audit()} from a scheduler (e.g. every ten
 * minutes); it costs one pass over the store and about 64 bytes of memory per entry. Thread-safe.
 */
public final class LedgerAuditor {
    private static final System.Logger LOG = System.getLogger(LedgerAuditor.class.getName());

    private final LedgerStore entries;
    private final CheckpointStore checkpoints;
    private final Optional<String> origin;
    private final Optional<Ledger> live;
    private final EntryCodec codec;
    private final LedgerAlertListener listener;

    /**
     * @param live the running ledger, whose in-memory head the store must still produce; empty for an offline check
     */
    public LedgerAuditor(EntryCodec codec, LedgerStore entries, CheckpointStore checkpoints, Optional<String> origin,
                         Optional<Ledger> live, LedgerAlertListener listener) {
        this.codec = Objects.requireNonNull(codec);
        this.entries = Objects.requireNonNull(entries);
        this.checkpoints = Objects.requireNonNull(checkpoints);
        this.origin = Objects.requireNonNull(origin);
        this.live = Objects.requireNonNull(live);
        this.listener = Objects.requireNonNull(listener);
    }

    public VerificationReport audit() {
        // Take the live head first: entries appended during the pass only make the store longer.
        Optional<TreeHead> liveHead = live.map(Ledger::head);
        VerificationReport r = LogVerifier.verify(codec, entries, checkpoints, origin);
        if (liveHead.isPresent()) {
            TreeHead h = liveHead.get();
            List<VerificationReport.Problem> extra = new ArrayList<>(r.problems());
            if (r.recomputed().size() < h.size()) {
                extra.add(new VerificationReport.Problem("store", "holds " + r.recomputed().size()
                        + " entries but the running log has " + h.size() + " (entries removed)"));
            } else if (r.problems().isEmpty() && !rootOfPrefix(h.size()).equals(h.root())) {
                extra.add(new VerificationReport.Problem("store", "its first " + h.size()
                        + " entries do not hash to the running log's head (entries altered)"));
            }
            r = new VerificationReport(r.entries(), r.checkpoints(), r.jointCheckpoints(), r.latestJoint(),
                    r.recomputed(), extra, r.notes());
        }
        if (!r.ok()) {
            LOG.log(System.Logger.Level.ERROR, "transparency log audit failed: " + r.firstProblem().orElseThrow()
                    + (r.problems().size() > 1 ? " (and " + (r.problems().size() - 1) + " more)" : ""));
            try {
                listener.alert(r);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "ledger alert listener failed", e);
            }
        }
        return r;
    }

    private Hash rootOfPrefix(long size) {
        RootAccumulator acc = new RootAccumulator();
        var it = LedgerStores.iterate(entries);
        while (acc.size() < size && it.hasNext()) acc.add(Rfc9162.leafHashOf(it.next().entry()));
        return acc.root();
    }
}
