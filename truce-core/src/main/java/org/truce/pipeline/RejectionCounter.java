package org.truce.pipeline;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Counts rejected inputs by channel and reason. Thread-safe. */
public final class RejectionCounter {
    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

    /** Counts the rejection and returns it, so callers can write {@code return counter.reject(...)}. */
    public Acceptance.Rejected reject(String channel, Acceptance.Rejected rejected) {
        counts.computeIfAbsent(channel + "\u0000" + rejected.reason(), k -> new LongAdder()).increment();
        System.getLogger(RejectionCounter.class.getName()).log(System.Logger.Level.DEBUG,
                "rejected on " + channel + ": " + rejected.reason() + " — " + rejected.detail());
        return rejected;
    }

    /** Snapshot: key {@code channel}, then {@code reason} → count. */
    public Map<String, Map<String, Long>> snapshot() {
        Map<String, Map<String, Long>> out = new TreeMap<>();
        counts.forEach((k, v) -> {
            int i = k.indexOf('\u0000');
            out.computeIfAbsent(k.substring(0, i), c -> new TreeMap<>()).put(k.substring(i + 1), v.sum());
        });
        return out;
    }
}
