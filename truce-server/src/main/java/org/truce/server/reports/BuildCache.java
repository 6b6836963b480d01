package org.truce.server.reports;

import java.time.Instant;
import java.time.InstantSource;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * A bounded cache of values that are costly to build, built on an executor: requests for a key that is being built
 * share that one build (they wait on the same future), requests for other keys do not wait for it (up to the
 * executor's parallelism). At most {@code capacity} entries are kept, the least recently used going first; a build
 * that fails is not kept, so the next request tries again. An entry may carry an expiry (on the given clock), after
 * which it is built again.
 *
 * <p>Thread-safe. Values must be immutable (or never modified), since every caller gets the same one.
 *
 * @param <K> the key: equal keys must mean the same value (records)
 */
final class BuildCache<K, V> {
    private record Entry<V>(CompletableFuture<V> value, Optional<Instant> expires) { }

    private final int capacity;
    private final Executor executor;
    private final InstantSource clock;
    private final AtomicLong builds = new AtomicLong();
    private final LinkedHashMap<K, Entry<V>> entries = new LinkedHashMap<>(16, 0.75f, true);

    /**
     * @param capacity how many values to keep, at least 1
     * @param executor where builds run; its size bounds how many run at once
     * @param clock    the clock expiries are read against
     */
    BuildCache(int capacity, Executor executor, InstantSource clock) {
        if (capacity < 1) throw new IllegalArgumentException("capacity must be >= 1, was " + capacity);
        this.capacity = capacity;
        this.executor = Objects.requireNonNull(executor, "executor");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * The value for {@code key}: the cached one, the one being built, or a new build of {@code build} on the executor.
     *
     * @param expires when a value built now stops being valid; empty for never
     */
    CompletableFuture<V> get(K key, Supplier<V> build, Optional<Instant> expires) {
        Objects.requireNonNull(key, "key");
        CompletableFuture<V> future;
        synchronized (entries) {
            Entry<V> e = entries.get(key);
            if (e != null && (e.expires().isEmpty() || clock.instant().isBefore(e.expires().get()))) return e.value();
            future = new CompletableFuture<>();
            entries.put(key, new Entry<>(future, expires));
            evict();
        }
        builds.incrementAndGet();
        CompletableFuture<V> f = future;
        try {
            executor.execute(() -> {
                try {
                    f.complete(build.get());
                } catch (Throwable t) {
                    forget(key, f);
                    f.completeExceptionally(t);
                }
            });
        } catch (RuntimeException rejected) {
            forget(key, f);
            f.completeExceptionally(rejected);
        }
        return f;
    }

    /** How many builds were started since this cache was made (a hit starts none). */
    long builds() {
        return builds.get();
    }

    /** How many entries are kept now, built or being built. */
    int size() {
        synchronized (entries) {
            return entries.size();
        }
    }

    private void forget(K key, CompletableFuture<V> f) {
        synchronized (entries) {
            Entry<V> e = entries.get(key);
            if (e != null && e.value() == f) entries.remove(key);
        }
    }

    /** Drops the least recently used entries over capacity; a build still running goes on for those who wait on it. */
    private void evict() {
        Iterator<Map.Entry<K, Entry<V>>> it = entries.entrySet().iterator();
        while (entries.size() > capacity && it.hasNext()) {
            it.next();
            it.remove();
        }
    }
}
