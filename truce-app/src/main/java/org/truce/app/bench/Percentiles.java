package org.truce.app.bench;

import java.util.Arrays;

/**
 * Latency percentiles of one benchmark series, from the raw samples (nearest-rank on the sorted array: the sample
 * counts here are at most a few hundred thousand, so sorting is cheaper than a histogram library). Immutable.
 *
 * @param count how many samples
 * @param p50Ms median, milliseconds
 * @param p90Ms 90th percentile, milliseconds
 * @param p99Ms 99th percentile, milliseconds
 * @param maxMs largest sample, milliseconds
 */
public record Percentiles(int count, double p50Ms, double p90Ms, double p99Ms, double maxMs) {
    /** The percentiles of samples in nanoseconds; all zero (count 0) when there are none. */
    public static Percentiles ofNanos(long[] nanos) {
        if (nanos.length == 0) return new Percentiles(0, 0, 0, 0, 0);
        long[] s = nanos.clone();
        Arrays.sort(s);
        return new Percentiles(s.length, ms(rank(s, 0.50)), ms(rank(s, 0.90)), ms(rank(s, 0.99)), ms(s[s.length - 1]));
    }

    /** Nearest rank: the smallest sample with at least {@code q} of the samples at or below it. */
    private static long rank(long[] sorted, double q) {
        int i = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    /** {@code p50 1.2 ms, p90 …, p99 …, max … (n samples)}, or {@code no samples}. */
    public String describe() {
        if (count == 0) return "no samples";
        return String.format(java.util.Locale.ROOT, "p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms (%d samples)",
                p50Ms, p90Ms, p99Ms, maxMs, count);
    }
}
