package org.truce.bench;

import org.truce.codec.JsonEntryCodec;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.truce.ledger.EntryCodec;
import org.truce.ledger.EntryKind;
import org.truce.ledger.IncidentChange;
import org.truce.ledger.Ledger;
import org.truce.ledger.memory.InMemoryLedgerStore;

/**
 * Append throughput of the transparency log on one thread: leaf hash, store (in memory) and Merkle tree update,
 * for an incident-record entry (~0.6 kB); and the same with canonical JSON encoding included. A fresh log every
 * iteration keeps memory bounded.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx4g"})
@Threads(1)
public class LedgerAppendBenchmark {
    private Ledger ledger;
    private byte[] entry;
    private IncidentChange change;

    @Setup(Level.Iteration)
    public void freshLog() {
        ledger = Ledger.open(new InMemoryLedgerStore(), JsonEntryCodec.canonical());
        change = new IncidentChange(true, Samples.incident());
        entry = JsonEntryCodec.canonical().encode(EntryKind.INCIDENT, change);
    }

    /** Hash + store + tree, entry already encoded. */
    @Benchmark
    public long appendEncoded() {
        return ledger.appendEncoded(entry);
    }

    /** Canonical JSON encoding + hash + store + tree. */
    @Benchmark
    public long encodeAndAppend() {
        return ledger.append(EntryKind.INCIDENT, change);
    }
}
