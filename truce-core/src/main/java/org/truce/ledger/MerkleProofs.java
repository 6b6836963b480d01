package org.truce.ledger;

import java.util.List;

/**
 * Verification of inclusion and consistency proofs exactly as the algorithms of RFC 9162 §2.1.3.2 and §2.1.4.2.
 * Stateless and thread-safe.
 */
public final class MerkleProofs {
    private MerkleProofs() {}

    /** True when {@code proof} shows the leaf with {@code leafHash} at {@code leafIndex} in the tree {@code (treeSize, root)}. */
    public static boolean verifyInclusion(Hash leafHash, long leafIndex, long treeSize, List<Hash> proof, Hash root) {
        if (leafIndex < 0 || leafIndex >= treeSize) return false;
        Rfc9162 h = new Rfc9162();
        long fn = leafIndex;
        long sn = treeSize - 1;
        byte[] r = leafHash.bytes();
        for (Hash p : proof) {
            if (sn == 0) return false;
            if ((fn & 1) == 1 || fn == sn) {
                r = h.node(p.unsafeBytes(), r);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            } else {
                r = h.node(r, p.unsafeBytes());
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && Hash.wrap(r).equals(root);
    }

    /**
     * True when {@code proof} shows the tree {@code (secondSize, secondRoot)} extends {@code (firstSize, firstRoot)}.
     * Equal sizes need an empty proof and equal roots; a first size of 0 needs an empty proof.
     */
    public static boolean verifyConsistency(long firstSize, long secondSize, Hash firstRoot, Hash secondRoot,
                                            List<Hash> proof) {
        if (firstSize < 0 || firstSize > secondSize) return false;
        if (firstSize == secondSize) return proof.isEmpty() && firstRoot.equals(secondRoot);
        if (firstSize == 0) return proof.isEmpty();
        if (proof.isEmpty()) return false;
        Rfc9162 h = new Rfc9162();
        int i = 0;
        byte[] first;
        if (Long.bitCount(firstSize) == 1) {
            first = firstRoot.bytes();
        } else {
            first = proof.get(0).bytes();
            i = 1;
        }
        long fn = firstSize - 1;
        long sn = secondSize - 1;
        while ((fn & 1) == 1) {
            fn >>= 1;
            sn >>= 1;
        }
        byte[] fr = first;
        byte[] sr = first;
        for (; i < proof.size(); i++) {
            byte[] c = proof.get(i).unsafeBytes();
            if (sn == 0) return false;
            if ((fn & 1) == 1 || fn == sn) {
                fr = h.node(c, fr);
                sr = h.node(c, sr);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                sr = h.node(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && Hash.wrap(fr).equals(firstRoot) && Hash.wrap(sr).equals(secondRoot);
    }

    /** {@link #verifyInclusion(Hash, long, long, List, Hash)} for an entry given by its bytes. */
    public static boolean verifyInclusion(byte[] entry, long leafIndex, long treeSize, List<Hash> proof, Hash root) {
        return verifyInclusion(Rfc9162.leafHashOf(entry), leafIndex, treeSize, proof, root);
    }
}
