package org.truce.server.metrics;

import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Writes the Prometheus text exposition format, version 0.0.4: one {@code # HELP} and one {@code # TYPE} line per
 * metric family, then its samples, label values escaped ({@code \\}, {@code \"}, {@code \n}). Not thread-safe; one
 * instance per scrape.
 */
public final class PrometheusText {
    /** The content type of the format. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private static final Pattern METRIC_NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

    private final StringBuilder out = new StringBuilder();

    /**
     * Starts a metric family.
     *
     * @param type {@code counter} or {@code gauge}
     */
    public PrometheusText family(String name, String type, String help) {
        if (!METRIC_NAME.matcher(name).matches()) throw new IllegalArgumentException("bad metric name " + name);
        if (!type.equals("counter") && !type.equals("gauge")) throw new IllegalArgumentException("type " + type);
        out.append("# HELP ").append(name).append(' ').append(escapeHelp(help)).append('\n');
        out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
        return this;
    }

    /** One sample; {@code labels} in iteration order (pass an ordered map). */
    public PrometheusText sample(String name, Map<String, String> labels, double value) {
        out.append(name);
        if (!labels.isEmpty()) {
            out.append('{');
            boolean first = true;
            for (var e : labels.entrySet()) {
                if (!LABEL_NAME.matcher(e.getKey()).matches()) {
                    throw new IllegalArgumentException("bad label name " + e.getKey());
                }
                if (!first) out.append(',');
                first = false;
                out.append(e.getKey()).append("=\"").append(escapeLabel(e.getValue())).append('"');
            }
            out.append('}');
        }
        out.append(' ').append(number(value)).append('\n');
        return this;
    }

    public PrometheusText sample(String name, double value) {
        return sample(name, Map.of(), value);
    }

    /** Appends already-formatted exposition text (another module's metrics), ending it with a newline. */
    public PrometheusText raw(String text) {
        Objects.requireNonNull(text);
        if (text.isEmpty()) return this;
        out.append(text);
        if (!text.endsWith("\n")) out.append('\n');
        return this;
    }

    @Override
    public String toString() {
        return out.toString();
    }

    static String escapeLabel(String v) {
        return v.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    static String escapeHelp(String v) {
        return v.replace("\\", "\\\\").replace("\n", "\\n");
    }

    private static String number(double v) {
        if (Double.isNaN(v)) return "NaN";
        if (Double.isInfinite(v)) return v > 0 ? "+Inf" : "-Inf";
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
        return Double.toString(v);
    }
}
