package org.truce.bench;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.truce.ledger.Hash;
import org.truce.ledger.MerkleProofs;
import org.truce.ledger.MerkleTree;

/**
 * Proof latency on a 10-million-entry log: RFC 9162 inclusion proof of a random leaf in the full tree (the
 * {@code Ledger} serves exactly this from its in-memory tree), its verification, and a consistency proof from a
 * random earlier size. The size is odd so proofs include right-edge subtrees that are not stored and are hashed.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx4g"})
public class InclusionProofBenchmark {
    @Param({"10000037"})
    public long size;

    private MerkleTree tree;
    private Hash root;
    private static final int SAMPLES = 1024;
    private final long[] indices = new long[SAMPLES];
    private final long[] earlier = new long[SAMPLES];
    private final Hash[] leaves = new Hash[SAMPLES];
    private final List<?>[] proofs = new List<?>[SAMPLES];
    private int next;

    @Setup(Level.Trial)
    public void build() throws Exception {
        tree = new MerkleTree();
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        ByteBuffer b = ByteBuffer.allocate(9);
        for (long i = 0; i < size; i++) {
            b.clear();
            b.put((byte) 0).putLong(i);
            tree.appendLeafHash(sha.digest(b.array()), 0);
        }
        root = tree.root();
        // Random leaves, chosen once so the measured loop holds no random-number or setup cost.
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < SAMPLES; i++) {
            indices[i] = random.nextLong(size);
            earlier[i] = 1 + random.nextLong(size - 1);
            leaves[i] = tree.leafHash(indices[i]);
            proofs[i] = tree.inclusionProof(indices[i], size);
        }
    }

    @Benchmark
    public List<Hash> inclusionProof() {
        int i = next++ & (SAMPLES - 1);
        return tree.inclusionProof(indices[i], size);
    }

    @Benchmark
    @SuppressWarnings("unchecked")
    public boolean verifyInclusion() {
        int i = next++ & (SAMPLES - 1);
        return MerkleProofs.verifyInclusion(leaves[i], indices[i], size, (List<Hash>) proofs[i], root);
    }

    @Benchmark
    public List<Hash> consistencyProof() {
        int i = next++ & (SAMPLES - 1);
        return tree.consistencyProof(earlier[i], size);
    }
}
