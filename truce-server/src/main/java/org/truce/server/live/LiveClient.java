package org.truce.server.live;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.truce.cases.Principal;

/**
 * One connected live client: a bounded queue filled by the pipeline thread and drained by the client's own
 * sender thread, so a slow browser never slows the pipeline. {@link #offer} never blocks: when the queue is full
 * the client is dropped (it reconnects and reloads the state). The sender writes a heartbeat comment whenever
 * nothing was sent for {@code heartbeat}. Thread-safe.
 */
final class LiveClient {
    private static final System.Logger LOG = System.getLogger(LiveClient.class.getName());

    private final String name;
    private final EventSink sink;
    private final BlockingQueue<LiveMessage> queue;
    private final Duration heartbeat;
    private final Consumer<LiveClient> onGone;
    private final AtomicBoolean open = new AtomicBoolean(true);
    private final Principal principal;
    private volatile Thread sender;

    /**
     * @param capacity most events that may wait for this client
     * @param onGone   called once, from the sender thread, after the client is closed
     */
    LiveClient(String name, EventSink sink, int capacity, Duration heartbeat, Consumer<LiveClient> onGone) {
        this(name, sink, capacity, heartbeat, onGone, Principal.anonymous());
    }

    /** @param principal who the client speaks for: events about cases are projected for them */
    LiveClient(String name, EventSink sink, int capacity, Duration heartbeat, Consumer<LiveClient> onGone,
               Principal principal) {
        this.principal = Objects.requireNonNull(principal);
        if (capacity < 1) throw new IllegalArgumentException("capacity must be >= 1");
        this.name = Objects.requireNonNull(name);
        this.sink = Objects.requireNonNull(sink);
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.heartbeat = Objects.requireNonNull(heartbeat);
        this.onGone = Objects.requireNonNull(onGone);
    }

    /** Starts the sender on a virtual thread. */
    void start() {
        sender = Thread.ofVirtual().name("truce-live-" + name).start(this::run);
    }

    /** Queues an event without blocking; returns false (and drops the client) if it cannot keep up. */
    boolean offer(LiveMessage message) {
        if (!open.get()) return false;
        if (queue.offer(message)) return true;
        LOG.log(System.Logger.Level.INFO, "live client {0} dropped: {1} events waiting", name, queue.size());
        shutdown();
        return false;
    }

    boolean isOpen() {
        return open.get();
    }

    Principal principal() {
        return principal;
    }

    String name() {
        return name;
    }

    /** Asks the sender to stop; it closes the connection. Safe from any thread, never blocks. */
    void shutdown() {
        if (open.compareAndSet(true, false)) {
            Thread t = sender;
            if (t != null) t.interrupt();
        }
    }

    private void run() {
        long heartbeatNanos = heartbeat.toNanos();
        try {
            while (open.get() && !sink.terminated()) {
                LiveMessage m = queue.poll(heartbeatNanos, TimeUnit.NANOSECONDS);
                if (!open.get()) break;
                if (m == null) {
                    sink.comment("heartbeat");
                } else {
                    sink.event(m.name(), m.data(), m.id());
                }
            }
        } catch (InterruptedException e) {
            // shutdown() interrupts a sender waiting for work; it ends below.
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "live client " + name + " failed", e);
        } finally {
            open.set(false);
            queue.clear();
            try {
                sink.close();
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.DEBUG, "closing live client " + name, e);
            }
            onGone.accept(this);
        }
    }
}
