package org.truce.server.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A live client never blocks its producer, drops itself when it cannot keep up, and sends heartbeats. */
class LiveClientTest {
    /** A sink whose first write hangs, like a browser that stopped reading. */
    static final class StuckSink implements EventSink {
        final CountDownLatch writing = new CountDownLatch(1);
        volatile boolean closed;

        @Override public void event(String name, String data, String id) {
            writing.countDown();
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        @Override public void comment(String text) { }
        @Override public boolean terminated() { return closed; }
        @Override public void close() { closed = true; }
    }

    static final class RecordingSink implements EventSink {
        final List<String> written = new CopyOnWriteArrayList<>();
        volatile boolean terminated;
        volatile boolean closed;

        @Override public void event(String name, String data, String id) { written.add(name + ":" + data); }
        @Override public void comment(String text) { written.add(": " + text); }
        @Override public boolean terminated() { return terminated; }
        @Override public void close() { closed = true; }
    }

    private static LiveMessage msg(int n) {
        return new LiveMessage("track", "{\"n\":" + n + "}", Integer.toString(n));
    }

    @Test
    void aClientThatCannotKeepUpIsDroppedWithoutBlockingTheProducer() throws Exception {
        StuckSink sink = new StuckSink();
        CountDownLatch gone = new CountDownLatch(1);
        LiveClient client = new LiveClient("stuck", sink, 4, Duration.ofSeconds(30), c -> gone.countDown());
        client.start();
        assertThat(client.offer(msg(0))).isTrue();
        assertThat(sink.writing.await(5, TimeUnit.SECONDS)).isTrue();
        long t0 = System.nanoTime();
        int accepted = 0;
        for (int n = 1; n <= 10; n++) {
            if (client.offer(msg(n))) accepted++;
        }
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofMillis(500));
        assertThat(accepted).isEqualTo(4);
        assertThat(client.isOpen()).isFalse();
        assertThat(gone.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(sink.closed).isTrue();
        assertThat(client.offer(msg(99))).isFalse();
    }

    @Test
    void sendsEventsInOrderAndHeartbeatsWhenIdle() throws Exception {
        RecordingSink sink = new RecordingSink();
        LiveClient client = new LiveClient("rec", sink, 16, Duration.ofMillis(50), c -> { });
        client.start();
        client.offer(msg(1));
        client.offer(msg(2));
        Thread.sleep(300);
        assertThat(sink.written).startsWith("track:{\"n\":1}", "track:{\"n\":2}");
        assertThat(sink.written).contains(": heartbeat");
        client.shutdown();
    }

    @Test
    void aTerminatedConnectionEndsTheClient() throws Exception {
        RecordingSink sink = new RecordingSink();
        CountDownLatch gone = new CountDownLatch(1);
        LiveClient client = new LiveClient("t", sink, 16, Duration.ofMillis(20), c -> gone.countDown());
        client.start();
        sink.terminated = true;
        assertThat(gone.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(client.isOpen()).isFalse();
        assertThat(sink.closed).isTrue();
    }
}
