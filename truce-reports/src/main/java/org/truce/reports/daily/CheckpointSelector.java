package org.truce.reports.daily;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.truce.ledger.Checkpoint;
import org.truce.ledger.CheckpointRecord;
import org.truce.ledger.CheckpointStore;
import org.truce.ledger.KeyRecord;
import org.truce.ledger.NoteSignature;
import org.truce.ledger.NoteVerifier;
import org.truce.ledger.SignedNote;
import org.truce.reports.daily.DailyReport.CheckpointRef;

/**
 * Picks the transparency-log checkpoint a report is built from: the latest one signed at or before the period's
 * end whose signatures verify for every contingent of the roster (a joint checkpoint). A checkpoint one contingent
 * refused, or whose note does not parse or verify, is skipped: the report only names what both co-signed.
 * Stateless.
 */
final class CheckpointSelector {
    /** How many of the newest checkpoints are tried before all are. */
    static final int RECENT = 256;

    private CheckpointSelector() {}

    static Optional<CheckpointRef> latestJoint(CheckpointStore store, Instant cutoff) {
        List<String> roster = store.roster();
        if (roster.isEmpty()) return Optional.empty();
        List<KeyRecord> keys = store.keys();
        // The newest few first: the latest joint one is nearly always among them, and a long-running center signs a
        // checkpoint every few seconds, so reading them all would grow with the history. Only a long run of refused
        // checkpoints sends the search back through all of them.
        List<CheckpointRecord> recent = store.latestCheckpoints(cutoff, RECENT);
        for (CheckpointRecord rec : recent) {
            Optional<CheckpointRef> ref = joint(rec, keys, roster);
            if (ref.isPresent()) return ref;
        }
        if (recent.size() < RECENT) return Optional.empty();
        List<CheckpointRecord> all = new ArrayList<>(store.checkpoints());
        for (int i = all.size() - 1; i >= 0; i--) {
            CheckpointRecord rec = all.get(i);
            if (rec.at().isAfter(cutoff)) continue;
            Optional<CheckpointRef> ref = joint(rec, keys, roster);
            if (ref.isPresent()) return ref;
        }
        return Optional.empty();
    }

    private static Optional<CheckpointRef> joint(CheckpointRecord rec, List<KeyRecord> keys, List<String> roster) {
        SignedNote note;
        Checkpoint cp;
        try {
            note = SignedNote.parse(rec.note());
            cp = Checkpoint.parse(note.body());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        Set<String> signed = new LinkedHashSet<>();
        for (NoteSignature s : note.signatures()) {
            for (KeyRecord k : keys) {
                NoteVerifier v;
                try {
                    v = NoteVerifier.parse(k.verifierKey());
                } catch (IllegalArgumentException e) {
                    continue;
                }
                if (v.names(s) && v.verify(note.body(), s)) signed.add(k.contingent());
            }
        }
        if (!signed.containsAll(roster)) return Optional.empty();
        return Optional.of(new CheckpointRef(cp.origin(), cp.treeSize(), cp.root().base64(), rec.at(),
                roster.stream().filter(signed::contains).toList()));
    }
}
