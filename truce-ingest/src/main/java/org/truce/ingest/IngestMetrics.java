package org.truce.ingest;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.truce.pipeline.RejectionCounter;

/**
 * Ingest counters in the Prometheus text exposition format (version 0.0.4): accepted observations by channel and
 * rejected inputs by channel and reason (the center's {@link RejectionCounter}, which also holds the center's own
 * refusals). Thread-safe. The server mounts {@link #render()} at {@code /metrics}.
 */
public final class IngestMetrics {
    /** The content type to serve {@link #render()} with. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final RejectionCounter rejections;
    private final Map<String, LongAdder> accepted = new ConcurrentHashMap<>();

    public IngestMetrics(RejectionCounter rejections) {
        this.rejections = Objects.requireNonNull(rejections);
    }

    public RejectionCounter rejections() {
        return rejections;
    }

    public void accepted(String channel) {
        accepted.computeIfAbsent(channel, c -> new LongAdder()).increment();
    }

    /** Accepted counts by channel (snapshot, ordered). */
    public Map<String, Long> acceptedSnapshot() {
        Map<String, Long> out = new TreeMap<>();
        accepted.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }

    /** Count of rejections on a channel for a reason (0 when none). */
    public long rejected(String channel, String reason) {
        return rejections.snapshot().getOrDefault(channel, Map.of()).getOrDefault(reason, 0L);
    }

    public String render() {
        StringBuilder sb = new StringBuilder();
        sb.append("# HELP truce_ingest_accepted_total Observations accepted into the log, by ingest channel.\n");
        sb.append("# TYPE truce_ingest_accepted_total counter\n");
        acceptedSnapshot().forEach((channel, n) -> sb.append("truce_ingest_accepted_total{channel=\"")
                .append(escape(channel)).append("\"} ").append(n).append('\n'));
        sb.append("# HELP truce_ingest_rejected_total Inputs refused, by ingest channel and reason.\n");
        sb.append("# TYPE truce_ingest_rejected_total counter\n");
        rejections.snapshot().forEach((channel, reasons) -> reasons.forEach((reason, n) ->
                sb.append("truce_ingest_rejected_total{channel=\"").append(escape(channel))
                        .append("\",reason=\"").append(escape(reason)).append("\"} ").append(n).append('\n')));
        return sb.toString();
    }

    /** Label value escaping of the exposition format: backslash, double quote and line feed. */
    static String escape(String v) {
        return v.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
