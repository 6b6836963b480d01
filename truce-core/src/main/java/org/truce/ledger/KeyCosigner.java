package org.truce.ledger;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@link Cosigner} holding one contingent's Ed25519 key. It signs a checkpoint only if the origin is its log's
 * and the tree head extends, by a verified RFC 9162 consistency proof, the last head it signed; otherwise it
 * refuses and says why. Thread-safe (synchronized).
 */
public final class KeyCosigner implements Cosigner {
    private final String contingent;
    private final NoteSigner key;
    private final String origin;
    private TreeHead lastSigned;

    /**
     * @param lastSigned the last tree head this contingent signed, if any (see {@link #resume})
     */
    public KeyCosigner(String contingent, NoteSigner key, String origin, Optional<TreeHead> lastSigned) {
        this.contingent = Objects.requireNonNull(contingent);
        this.key = Objects.requireNonNull(key);
        this.origin = Objects.requireNonNull(origin);
        this.lastSigned = lastSigned.orElse(null);
    }

    /**
     * A cosigner that continues from the latest stored checkpoint carrying a valid signature by any key registered
     * to {@code contingent} (so a rotated key continues where the old one stopped).
     */
    public static KeyCosigner resume(String contingent, NoteSigner key, String origin, CheckpointStore store) {
        List<NoteVerifier> mine = store.keys().stream().filter(k -> k.contingent().equals(contingent))
                .map(k -> NoteVerifier.parse(k.verifierKey())).toList();
        List<CheckpointRecord> all = store.checkpoints();
        for (int i = all.size() - 1; i >= 0; i--) {
            try {
                SignedNote note = SignedNote.parse(all.get(i).note());
                Checkpoint cp = Checkpoint.parse(note.body());
                boolean signedByMe = note.signatures().stream()
                        .anyMatch(s -> mine.stream().anyMatch(v -> v.verify(note.body(), s)));
                if (signedByMe && cp.origin().equals(origin)) {
                    return new KeyCosigner(contingent, key, origin, Optional.of(cp.head()));
                }
            } catch (IllegalArgumentException malformed) {
                // A malformed stored note is the auditor's to report; it cannot be a head we signed.
            }
        }
        return new KeyCosigner(contingent, key, origin, Optional.empty());
    }

    @Override
    public String contingent() {
        return contingent;
    }

    public synchronized Optional<TreeHead> lastSigned() {
        return Optional.ofNullable(lastSigned);
    }

    @Override
    public synchronized Decision review(Checkpoint checkpoint, ConsistencyProofs proofs) {
        if (!checkpoint.origin().equals(origin)) {
            return new Decision.Refused("origin " + checkpoint.origin() + " is not this log's " + origin);
        }
        if (lastSigned != null) {
            if (checkpoint.treeSize() < lastSigned.size()) {
                return new Decision.Refused("tree size " + checkpoint.treeSize() + " is smaller than the "
                        + lastSigned.size() + " already signed");
            }
            List<Hash> proof = proofs.between(lastSigned.size(), checkpoint.treeSize());
            if (!MerkleProofs.verifyConsistency(lastSigned.size(), checkpoint.treeSize(), lastSigned.root(),
                    checkpoint.root(), proof)) {
                return new Decision.Refused("tree head " + checkpoint.treeSize() + " " + checkpoint.root().base64()
                        + " is not consistent with the signed head " + lastSigned.size() + " "
                        + lastSigned.root().base64());
            }
        }
        NoteSignature sig = key.sign(checkpoint.body());
        lastSigned = checkpoint.head();
        return new Decision.Signed(sig);
    }
}
