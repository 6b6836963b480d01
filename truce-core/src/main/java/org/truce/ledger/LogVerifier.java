package org.truce.ledger;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a whole log from its parts, trusting nothing but the roster and the verifier keys: recomputes every leaf
 * hash from the entry bytes (and compares it with the stored one), checks every entry's format, recomputes the
 * tree head at every checkpoint's size, verifies every signature, requires every contingent's signature (or a
 * logged refusal), and verifies the RFC 9162 consistency proof between consecutive signed checkpoints.
 * Used by {@link LedgerAuditor} and {@code truce verify}. Stateless; memory about 64 bytes per entry.
 */
public final class LogVerifier {
    private static final int MAX_PROBLEMS = 1000;

    private LogVerifier() {}

    /**
     * @param entries        the stored entries in index order
     * @param expectedOrigin the origin every checkpoint must carry, if known
     */
    public static VerificationReport verify(EntryCodec codec, Iterator<LedgerStore.StoredEntry> entries, List<CheckpointRecord> checkpoints,
                                            List<KeyRecord> keys, List<String> roster, Optional<String> expectedOrigin) {
        List<VerificationReport.Problem> problems = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        if (roster.isEmpty()) problem(problems, "roster", "no contingents are listed: nobody's signature is required");

        Map<String, List<NoteVerifier>> keysOf = new HashMap<>();
        for (int k = 0; k < keys.size(); k++) {
            try {
                keysOf.computeIfAbsent(keys.get(k).contingent(), c -> new ArrayList<>())
                        .add(NoteVerifier.parse(keys.get(k).verifierKey()));
            } catch (IllegalArgumentException e) {
                problem(problems, "key " + (k + 1), e.getMessage());
            }
        }

        MerkleTree tree = new MerkleTree();
        Rfc9162 hasher = new Rfc9162();
        Map<Long, Set<String>> refusedAt = new HashMap<>();
        CommitRevealCheck.Tracker blind = new CommitRevealCheck.Tracker();
        long expected = 0;
        while (entries.hasNext()) {
            LedgerStore.StoredEntry e = entries.next();
            if (e.index() != expected) {
                problem(problems, "entry " + expected, e.index() > expected
                        ? "missing: the next stored entry is " + e.index() + " (entries removed)"
                        : "stored index " + e.index() + " repeats or goes backwards (entries inserted or reordered)");
                expected = e.index();
            }
            Hash leaf = Hash.wrap(hasher.leaf(e.entry()));
            if (!leaf.equals(e.leafHash())) {
                problem(problems, "entry " + e.index(), "its bytes do not match its stored leaf hash (entry altered)");
            }
            try {
                EntryCodec.DecodedEntry d = codec.decode(e.entry());
                if (d.kind() == EntryKind.CHECKPOINT_REFUSAL) {
                    CheckpointRefusal r = codec.payload(d, CheckpointRefusal.class);
                    refusedAt.computeIfAbsent(r.treeSize(), s -> new HashSet<>()).add(r.contingent());
                }
                long at = e.index();
                blind.accept(d).ifPresent(why -> problem(problems, "entry " + at,
                        "assessment of " + CommitRevealCheck.Tracker.key(d) + " does not open its commitment: " + why));
            } catch (EntryFormatException ex) {
                problem(problems, "entry " + e.index(), "not a valid truce-entry v1: " + ex.getMessage());
            }
            tree.append(leaf);
            expected++;
        }

        int joint = 0;
        String origin = expectedOrigin.orElse(null);
        Checkpoint previous = null;
        int previousNo = 0;
        TreeHead latestJoint = null;
        long lastGood = 0;
        for (int k = 0; k < checkpoints.size(); k++) {
            CheckpointRecord rec = checkpoints.get(k);
            String where = "checkpoint " + (k + 1) + " (tree size " + rec.treeSize() + ")";
            SignedNote note;
            Checkpoint cp;
            try {
                note = SignedNote.parse(rec.note());
                cp = Checkpoint.parse(note.body());
            } catch (IllegalArgumentException ex) {
                problem(problems, where, "malformed signed note: " + ex.getMessage());
                continue;
            }
            if (origin == null) origin = cp.origin();
            if (!cp.origin().equals(origin)) problem(problems, where, "origin " + cp.origin() + " is not " + origin);
            if (cp.treeSize() != rec.treeSize()) {
                problem(problems, where, "the note states tree size " + cp.treeSize() + " (checkpoint replaced)");
            }
            Set<String> signedBy = new LinkedHashSet<>();
            for (NoteSignature s : note.signatures()) {
                Optional<Map.Entry<String, NoteVerifier>> signer = keysOf.entrySet().stream()
                        .flatMap(en -> en.getValue().stream().filter(v -> v.names(s)).map(v -> Map.entry(en.getKey(), v)))
                        .findFirst();
                if (signer.isEmpty()) {
                    notes.add(where + ": signature by unregistered key " + s.name() + " ignored");
                } else if (signer.get().getValue().verify(note.body(), s)) {
                    signedBy.add(signer.get().getKey());
                } else {
                    problem(problems, where, "the signature of " + s.name() + " (contingent " + signer.get().getKey()
                            + ") does not verify (checkpoint altered or replaced)");
                }
            }
            boolean allSigned = true;
            for (String c : roster) {
                if (signedBy.contains(c)) continue;
                allSigned = false;
                if (refusedAt.getOrDefault(cp.treeSize(), Set.of()).contains(c)) {
                    notes.add(where + ": contingent " + c + " refused to sign (refusal recorded in the log)");
                } else {
                    problem(problems, where, "no valid signature of contingent " + c + " and no recorded refusal");
                }
            }
            if (cp.treeSize() > tree.size()) {
                problem(problems, where, "covers " + cp.treeSize() + " entries but only " + tree.size()
                        + " are stored (entries removed)");
                continue;
            }
            Hash root = tree.root(cp.treeSize());
            boolean rootOk = root.equals(cp.root());
            if (!rootOk) {
                problem(problems, where, "its root " + cp.root().base64() + " does not match the entries' root "
                        + root.base64() + ": entries in [" + Math.min(lastGood, cp.treeSize()) + ", " + cp.treeSize()
                        + ") were altered, inserted, removed or reordered");
            } else {
                lastGood = Math.max(lastGood, cp.treeSize());
            }
            if (previous != null) {
                if (cp.treeSize() < previous.treeSize()) {
                    problem(problems, where, "smaller than checkpoint " + previousNo + " (" + previous.treeSize() + ")");
                } else if (!MerkleProofs.verifyConsistency(previous.treeSize(), cp.treeSize(), previous.root(), cp.root(),
                        tree.consistencyProof(previous.treeSize(), cp.treeSize()))) {
                    problem(problems, where, "not consistent with checkpoint " + previousNo + " (RFC 9162 proof fails)");
                }
            }
            if (!signedBy.isEmpty()) {
                previous = cp;
                previousNo = k + 1;
            }
            if (allSigned && !roster.isEmpty()) {
                joint++;
                if (rootOk) latestJoint = cp.head();
            }
        }
        long covered = latestJoint == null ? 0 : latestJoint.size();
        if (tree.size() > covered) {
            notes.add((tree.size() - covered) + " entries after the latest joint checkpoint are not yet co-signed");
        }
        if (blind.reveals() > 0) {
            notes.add(blind.opened() + " of " + blind.reveals() + " revealed assessments open the commitment logged before them");
        }
        return new VerificationReport(tree.size(), checkpoints.size(), joint, Optional.ofNullable(latestJoint),
                new TreeHead(tree.size(), tree.root()), problems, notes);
    }

    /** Verifies what a ledger store and checkpoint store hold. */
    public static VerificationReport verify(EntryCodec codec, LedgerStore entries, CheckpointStore checkpoints, Optional<String> origin) {
        return verify(codec, LedgerStores.iterate(entries), checkpoints.checkpoints(), checkpoints.keys(),
                checkpoints.roster(), origin);
    }

    private static void problem(List<VerificationReport.Problem> problems, String where, String reason) {
        if (problems.size() < MAX_PROBLEMS) problems.add(new VerificationReport.Problem(where, reason));
    }
}
