package org.truce.app.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * What a benchmark reads off the machine and the JVM: disk used by a data directory, heap used after a full GC,
 * the peak heap since the last reset, and a one-line description of the machine (cores, CPU, JDK, load average:
 * the machine is often shared, so every run says how busy it was). Stateless; thread-safe.
 */
public final class Machine {
    private Machine() {}

    /** Bytes of every regular file under {@code dir} (0 when it does not exist). */
    public static long diskBytes(Path dir) {
        if (!Files.exists(dir)) return 0;
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> {
                try {
                    return Files.size(p);
                } catch (IOException e) {
                    return 0; // a file removed while walking (an H2 temp file) takes no space any more
                }
            }).sum();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot measure " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Heap in use after asking for a full GC twice (what stays reachable), in bytes. */
    public static long heapAfterGc() {
        System.gc();
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /**
     * CPU time this process has used so far (all threads, user and system), in nanoseconds; -1 when the JVM does
     * not say. On a shared machine it is steadier than wall time: other builds lengthen the wall, not the CPU.
     */
    public static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : -1;
    }

    /** Forgets the heap pools' peaks, so {@link #peakHeap()} covers what follows. */
    public static void resetPeakHeap() {
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) p.resetPeakUsage();
        }
    }

    /**
     * The sum of the heap pools' peak usage since {@link #resetPeakHeap()}: an upper bound of the heap used at any
     * one moment (the pools peak at different times), garbage included.
     */
    public static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) sum += p.getPeakUsage().getUsed();
        }
        return sum;
    }

    /** {@code 2 cores, AMD EPYC 7B13, JDK 25.0.1, max heap 6.0 GB, load average 3.1 (1 min)} */
    public static String describe() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        return String.format(Locale.ROOT, "%d cores, %s, JDK %s, max heap %s, load average %.1f (1 min)",
                Runtime.getRuntime().availableProcessors(), cpuModel(), Runtime.version(),
                BenchTable.bytes(Runtime.getRuntime().maxMemory()), os.getSystemLoadAverage());
    }

    private static String cpuModel() {
        Path info = Path.of("/proc/cpuinfo");
        if (!Files.isReadable(info)) return System.getProperty("os.arch");
        try (Stream<String> lines = Files.lines(info)) {
            return lines.filter(l -> l.startsWith("model name")).map(l -> l.substring(l.indexOf(':') + 1).trim())
                    .findFirst().orElse(System.getProperty("os.arch"));
        } catch (IOException | UncheckedIOException e) {
            return System.getProperty("os.arch");
        }
    }
}
