package org.truce.store.jdbc;

import static org.truce.testing.RuleFixtures.AM;
import static org.truce.testing.RuleFixtures.AZ;
import static org.truce.testing.RuleFixtures.RU;
import static org.truce.testing.RuleFixtures.TR;
import static org.truce.testing.RuleFixtures.asset;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.truce.pipeline.Center;
import org.truce.ground.AssetId;
import org.truce.ground.AssetKind;
import org.truce.ground.ObjectClass;
import org.truce.sensing.Observation;
import org.truce.testing.RuleFixtures;
import org.truce.store.Store;
import org.truce.store.memory.InMemoryStore;
import org.truce.time.SimulatedClock;

/**
 * A measurement, not a test: ingests {@code truce.bench.disk} realistic observations (detections of moving objects
 * and platform fixes from 16 drones) through a {@link Center} on the embedded H2 store, in batches of
 * {@code truce.bench.batch} (as HTTP batch requests arrive), and prints bytes on disk per accepted observation and
 * the ingest rate and call latency; with {@code truce.bench.threads} that many callers send single observations
 * instead (the center groups them). Skipped unless the property is set, e.g.
 * {@code ./mvnw -o -q -pl truce-store -am test -Dtest=DiskPerObservationBench -Dtruce.bench.disk=50000
 * -Dsurefire.failIfNoSpecifiedTests=false}. The rate is this machine's, for comparison only; never asserted.
 */
@EnabledIfSystemProperty(named = "truce.bench.disk", matches = "\\d+")
class DiskPerObservationBench {
    @TempDir
    Path dir;

    @Test
    void measure() throws IOException {
        int n = Integer.getInteger("truce.bench.disk");
        int batch = Integer.getInteger("truce.bench.batch", 500);
        Instant start = RuleFixtures.EFFECTIVE.plus(Duration.ofDays(2));
        SimulatedClock clock = new SimulatedClock(start);
        Random random = new Random(42);
        List<String> drones = new ArrayList<>();
        long cpu0;
        long wall0;
        long accepted = 0;
        long open;
        long[] latencies;
        int threads = Integer.getInteger("truce.bench.threads", 0);
        boolean memory = Boolean.getBoolean("truce.bench.memory"); // the same run without the database, for comparison
        try (Store store = memory ? new InMemoryStore() : JdbcStore.h2(dir)) {
            for (int i = 0; i < 16; i++) {
                String id = (i % 2 == 0 ? "RU" : "TR") + "-UAV-" + String.format("%02d", i);
                store.assets().save(asset(id, i % 2 == 0 ? RU : TR, AssetKind.DRONE));
                drones.add(id);
            }
            Center center = Center.builder(RuleFixtures.agreement()).store(store).clock(clock).build();
            // 200 objects moving across the theater; each observation is a detection of one of them or a fix.
            int objects = 200;
            double[][] pos = new double[objects][];
            for (int o = 0; o < objects; o++) {
                pos[o] = new double[] {random.nextDouble() * 80_000 - 40_000, random.nextDouble() * 80_000 - 40_000,
                        random.nextGaussian() * 5, random.nextGaussian() * 5};
            }
            List<Observation> all = new ArrayList<>(n);
            Instant t = start;
            for (int k = 0; k < n; k++) {
                t = t.plusMillis(20); // 50 observations per simulated second
                String drone = drones.get(random.nextInt(drones.size()));
                if (k % 10 == 0) {
                    all.add(new Observation.PlatformFix(AssetId.of(drone), t,
                            RuleFixtures.at(random.nextDouble() * 60_000 - 30_000, random.nextDouble() * 60_000 - 30_000),
                            1200 + random.nextDouble() * 300, 30 + random.nextDouble() * 5, random.nextDouble() * 360,
                            random.nextDouble() * 180));
                } else {
                    int o = random.nextInt(objects);
                    double[] p = pos[o];
                    p[0] += p[2] * 4;
                    p[1] += p[3] * 4;
                    all.add(new Observation.Detection(AssetId.of(drone), t,
                            RuleFixtures.at(p[0] + random.nextGaussian() * 15, p[1] + random.nextGaussian() * 15),
                            15 + random.nextDouble() * 20, o % 3 == 0 ? ObjectClass.TANK : ObjectClass.APC,
                            0.7 + random.nextDouble() * 0.3, Optional.of(o % 2 == 0 ? AM : AZ),
                            0.5 + random.nextDouble() * 0.5, 1 + random.nextInt(3),
                            Optional.of("VMTI-" + o)));
                }
            }
            cpu0 = cpuNanos();
            wall0 = System.nanoTime();
            if (threads == 0) {
                // One caller, batches as HTTP batch requests bring them, the clock at each batch's last time.
                latencies = new long[(n + batch - 1) / batch];
                for (int from = 0, call = 0; from < n; from += batch, call++) {
                    List<Observation> pending = all.subList(from, Math.min(n, from + batch));
                    clock.advanceTo(pending.getLast().time());
                    long c0 = System.nanoTime();
                    accepted += center.acceptAll("http", pending).stream().filter(a -> a.accepted()).count();
                    latencies[call] = System.nanoTime() - c0;
                    center.tick();
                }
            } else {
                // Many callers of single accept (MQTT, UDP, several clients): the center groups them.
                clock.advanceTo(all.getLast().time());
                latencies = new long[n];
                long[] lat = latencies;
                java.util.concurrent.atomic.AtomicLong ok = new java.util.concurrent.atomic.AtomicLong();
                List<Thread> callers = new ArrayList<>();
                for (int k = 0; k < threads; k++) {
                    int me = k;
                    callers.add(Thread.ofPlatform().start(() -> {
                        for (int i = me; i < n; i += threads) {
                            long c0 = System.nanoTime();
                            if (center.accept("mqtt", all.get(i)).accepted()) ok.incrementAndGet();
                            lat[i] = System.nanoTime() - c0;
                        }
                    }));
                }
                for (Thread c : callers) {
                    try {
                        c.join();
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                }
                accepted = ok.get();
            }
            open = sizeOf(dir); // before H2's compaction on close, which shrinks a small file much more than a large one
        }
        double seconds = (System.nanoTime() - wall0) / 1e9;
        double cpu = (cpuNanos() - cpu0) / 1e9;
        long bytes = sizeOf(dir);
        if (!memory) {
            // What the live data needs: the average body, and the file once H2 has compacted away every free page.
            try (java.sql.Connection c = java.sql.DriverManager.getConnection(
                    "jdbc:h2:file:" + dir.resolve(JdbcStore.H2_DATABASE_NAME), "sa", "");
                 java.sql.Statement st = c.createStatement()) {
                try (var rs = st.executeQuery("SELECT AVG(OCTET_LENGTH(body)), COUNT(*) FROM observations")) {
                    rs.next();
                    System.out.printf("DISK body avg %.0f B over %d rows%n", rs.getDouble(1), rs.getLong(2));
                }
                st.execute("SHUTDOWN COMPACT");
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
            System.out.printf("DISK compacted %.0f B/obs%n", (double) sizeOf(dir) / accepted);
        }
        long[] sorted = latencies.clone();
        java.util.Arrays.sort(sorted);
        System.out.printf("DISK %s latency p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                threads == 0 ? "acceptAll(" + batch + ")" : threads + " threads of accept",
                sorted[sorted.length / 2] / 1e6, sorted[(int) (sorted.length * 0.99)] / 1e6, sorted[sorted.length - 1] / 1e6);
        System.out.printf("DISK while open %.0f B/obs%n", (double) open / accepted);
        System.out.printf("DISK " + (memory ? "memory " : "h2 ") + "n=%d batch=%d accepted=%d bytes=%d perObs=%.0f B after close; wall %.1f s (%.0f obs/s); "
                        + "process cpu %.1f s (%.3f ms/obs)%n", n, batch, accepted, bytes, (double) bytes / accepted,
                seconds, accepted / seconds, cpu, cpu * 1000 / accepted);
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static long sizeOf(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }
}
