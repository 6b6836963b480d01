package org.truce.app.bench;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The one table a benchmark run prints: a row per figure, with what it measures, the value and the target it is to
 * be held against ("—" when there is none). Markdown-shaped, so a run's output can be pasted into
 * docs/BENCHMARKS.md as it is. Not thread-safe: one run fills it, then prints it.
 */
public final class BenchTable {
    private record Row(String figure, String value, String target) { }

    private final String title;
    private final List<Row> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    public BenchTable(String title) {
        this.title = title;
    }

    public BenchTable row(String figure, String value, String target) {
        rows.add(new Row(figure, value, target));
        return this;
    }

    public BenchTable row(String figure, String value) {
        return row(figure, value, "—");
    }

    public BenchTable note(String note) {
        notes.add(note);
        return this;
    }

    /** The value of a figure, for tests and callers that build on a run; empty string when absent. */
    public String value(String figure) {
        return rows.stream().filter(r -> r.figure.equals(figure)).map(Row::value).findFirst().orElse("");
    }

    public void print(PrintWriter out) {
        int a = "figure".length();
        int b = "measured".length();
        for (Row r : rows) {
            a = Math.max(a, r.figure.length());
            b = Math.max(b, r.value.length());
        }
        out.println();
        out.println("## " + title);
        out.println();
        String f = "| %-" + a + "s | %-" + b + "s | %s |%n";
        out.printf(Locale.ROOT, f, "figure", "measured", "target");
        out.printf(Locale.ROOT, "|%s|%s|---|%n", "-".repeat(a + 2), "-".repeat(b + 2));
        for (Row r : rows) out.printf(Locale.ROOT, f, r.figure, r.value, r.target);
        if (!notes.isEmpty()) out.println();
        for (String n : notes) out.println("- " + n);
        out.flush();
    }

    /** {@code 12,345} */
    public static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** {@code 1,234.5} */
    public static String decimal(double x, int digits) {
        return String.format(Locale.ROOT, "%,." + digits + "f", x);
    }

    /** A size in bytes as {@code 12.3 MB} (SI, 1 MB = 10^6 bytes) or {@code 987 B}. */
    public static String bytes(double n) {
        if (n < 1_000) return String.format(Locale.ROOT, "%.0f B", n);
        if (n < 1_000_000) return String.format(Locale.ROOT, "%.2f KB", n / 1e3);
        if (n < 1_000_000_000) return String.format(Locale.ROOT, "%.1f MB", n / 1e6);
        return String.format(Locale.ROOT, "%.2f GB", n / 1e9);
    }
}
