package org.truce.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * RFC 9162 §2.1 against the classic Certificate Transparency test vectors and against a straightforward
 * recursive transcription of the RFC's definitions (MTH, PATH, PROOF/SUBPROOF).
 */
class MerkleTreeTest {
    /** The eight leaves of the reference implementations' merkle tree tests. */
    static final String[] LEAVES = {"", "00", "10", "2021", "3031", "40414243", "5051525354555657",
            "606162636465666768696a6b6c6d6e6f"};
    /** Expected roots for the first 1..8 of those leaves. */
    static final String[] ROOTS = {
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
            "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
            "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
            "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"};

    @Test
    void emptyTreeHashIsSha256OfNothing() {
        assertThat(new MerkleTree().root().hex())
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    @Test
    void rootsOfTheReferenceVectors() {
        MerkleTree tree = new MerkleTree();
        for (int i = 0; i < LEAVES.length; i++) {
            tree.append(Rfc9162.leafHashOf(HexFormat.of().parseHex(LEAVES[i])));
            assertThat(tree.root().hex()).as("root of %d leaves", i + 1).isEqualTo(ROOTS[i]);
        }
        for (int n = 1; n <= 8; n++) {
            assertThat(tree.root(n).hex()).as("historic root of %d leaves", n).isEqualTo(ROOTS[n - 1]);
        }
    }

    @Test
    void proofsMatchTheRecursiveReferenceAndVerifyForEveryLeafAndEveryPairOfSizesUpTo64() {
        List<byte[]> entries = new ArrayList<>();
        MerkleTree tree = new MerkleTree();
        for (int i = 0; i < 64; i++) {
            byte[] e = ("entry " + i).getBytes(StandardCharsets.UTF_8);
            entries.add(e);
            tree.append(Rfc9162.leafHashOf(e));
        }
        for (int n = 1; n <= 64; n++) {
            List<byte[]> d = entries.subList(0, n);
            Hash root = tree.root(n);
            assertThat(root.bytes()).isEqualTo(mth(d));
            for (int m = 0; m < n; m++) {
                List<Hash> proof = tree.inclusionProof(m, n);
                assertThat(hexes(proof)).as("PATH(%d, D[%d])", m, n).isEqualTo(hexList(path(m, d)));
                assertThat(MerkleProofs.verifyInclusion(entries.get(m), m, n, proof, root)).isTrue();
                // The same proof must not verify another leaf, another index or a wrong root.
                assertThat(MerkleProofs.verifyInclusion(entries.get((m + 1) % 64), m, n, proof, root)).isFalse();
                if (n > 1) {
                    assertThat(MerkleProofs.verifyInclusion(entries.get(m), (m + 1) % n, n, proof, root)).isFalse();
                }
                assertThat(MerkleProofs.verifyInclusion(entries.get(m), m, n, proof, tree.root(n - 1))).isFalse();
            }
            for (int m = 1; m <= n; m++) {
                List<Hash> proof = tree.consistencyProof(m, n);
                List<byte[]> expected = m == n ? List.of() : subproof(m, d, true);
                assertThat(hexes(proof)).as("PROOF(%d, D[%d])", m, n).isEqualTo(hexList(expected));
                assertThat(MerkleProofs.verifyConsistency(m, n, tree.root(m), root, proof)).isTrue();
                if (m < n) {
                    assertThat(MerkleProofs.verifyConsistency(m, n, tree.root(m), tree.root(n - 1), proof))
                            .as("wrong second root %d→%d", m, n).isFalse();
                    assertThat(MerkleProofs.verifyConsistency(m, n, root, root, proof))
                            .as("wrong first root %d→%d", m, n).isFalse();
                    if (!proof.isEmpty()) {
                        List<Hash> truncated = proof.subList(0, proof.size() - 1);
                        assertThat(MerkleProofs.verifyConsistency(m, n, tree.root(m), root, truncated)).isFalse();
                    }
                }
            }
        }
    }

    @Test
    void rejectsIndicesAndSizesOutsideTheTree() {
        MerkleTree tree = new MerkleTree();
        tree.append(Rfc9162.leafHashOf(new byte[0]));
        assertThatThrownBy(() -> tree.inclusionProof(1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tree.root(2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tree.consistencyProof(2, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(MerkleProofs.verifyInclusion(new byte[0], 0, 0, List.of(), tree.root())).isFalse();
    }

    @Test
    void largeTreeAgreesWithTheCompactAccumulator() {
        MerkleTree tree = new MerkleTree();
        RootAccumulator acc = new RootAccumulator();
        for (int i = 0; i < 70_000; i++) {
            Hash leaf = Rfc9162.leafHashOf(("x" + i).getBytes(StandardCharsets.UTF_8));
            tree.append(leaf);
            acc.add(leaf);
            if (i % 9973 == 0) assertThat(acc.root()).isEqualTo(tree.root());
        }
        assertThat(acc.root()).isEqualTo(tree.root());
        assertThat(acc.size()).isEqualTo(70_000);
        long n = tree.size();
        for (long m : new long[] {0, 1, 32_767, 32_768, 65_535, 69_999}) {
            assertThat(MerkleProofs.verifyInclusion(tree.leafHash(m), m, n, tree.inclusionProof(m, n), tree.root()))
                    .isTrue();
        }
        assertThat(MerkleProofs.verifyConsistency(40_000, n, tree.root(40_000), tree.root(),
                tree.consistencyProof(40_000, n))).isTrue();
    }

    // ---- the RFC's definitions, transcribed literally ----

    static byte[] sha(int prefix, byte[]... parts) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            if (prefix >= 0) md.update((byte) prefix);
            for (byte[] p : parts) md.update(p);
            return md.digest();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static int k(int n) {
        int k = 1;
        while (k * 2 < n) k *= 2;
        return k;
    }

    static byte[] mth(List<byte[]> d) {
        int n = d.size();
        if (n == 0) return sha(-1);
        if (n == 1) return sha(0, d.get(0));
        int k = k(n);
        return sha(1, mth(d.subList(0, k)), mth(d.subList(k, n)));
    }

    static List<byte[]> path(int m, List<byte[]> d) {
        int n = d.size();
        List<byte[]> out = new ArrayList<>();
        if (n == 1) return out;
        int k = k(n);
        if (m < k) {
            out.addAll(path(m, d.subList(0, k)));
            out.add(mth(d.subList(k, n)));
        } else {
            out.addAll(path(m - k, d.subList(k, n)));
            out.add(mth(d.subList(0, k)));
        }
        return out;
    }

    static List<byte[]> subproof(int m, List<byte[]> d, boolean b) {
        int n = d.size();
        List<byte[]> out = new ArrayList<>();
        if (m == n) {
            if (!b) out.add(mth(d));
            return out;
        }
        int k = k(n);
        if (m <= k) {
            out.addAll(subproof(m, d.subList(0, k), b));
            out.add(mth(d.subList(k, n)));
        } else {
            out.addAll(subproof(m - k, d.subList(k, n), false));
            out.add(mth(d.subList(0, k)));
        }
        return out;
    }

    static List<String> hexes(List<Hash> hs) {
        return hs.stream().map(Hash::hex).toList();
    }

    static List<String> hexList(List<byte[]> bs) {
        return bs.stream().map(b -> HexFormat.of().formatHex(b)).toList();
    }
}
