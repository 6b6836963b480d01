package org.truce.app.bench;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.truce.codec.TruceJson;
import org.truce.sensing.Observation;

/**
 * A bounded, open-loop HTTP batch load: {@code POST /api/ingest/observations}, one request per {@link
 * TheaterStream.Batch} with its asset's token, started on a fixed schedule that offers {@code rate} observations a
 * second, by at most {@code connections} requests in flight. It sends only to a loopback address, stops offering at
 * the end of {@code duration} or of the batches, whichever comes first, and waits at most {@link #REQUEST_TIMEOUT}
 * for each request still in flight.
 *
 * <p>Latency is request sent → response received: the center answers only once every accepted item is durable, so
 * this is each observation's receipt-to-durable-acknowledgement (plus loopback transfer) for all items of the
 * request. When every connection is busy the schedule slips: the run then reports the achieved rate, below the
 * offered one, and how far behind schedule the last request started. Bodies are encoded before the timed phase.
 * Not thread-safe: one {@link #run} at a time.
 */
public final class HttpLoad {
    /** How long one request may take before the run counts it as failed. */
    public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

    /** One acknowledged request: when it was sent, and the log sequence numbers of the items it got accepted. */
    public record Ack(long sentNanos, long answeredNanos, String asset, long[] seqs) { }

    /**
     * What the run did.
     *
     * @param offered      observations the schedule offered within the duration
     * @param sent         observations in requests that were sent
     * @param accepted     items answered accepted (durable)
     * @param rejected     items answered rejected, by reason
     * @param failed       requests that failed (no answer, a non-200 answer, a timeout), with the first failure
     * @param elapsedNanos first request sent → last answer received
     * @param latencyNanos each answered request's send → answer time
     * @param lagNanos     how late the last request started against its schedule
     */
    public record Result(long offered, long sent, long accepted, Map<String, Long> rejected, long failed,
                         String firstFailure, long elapsedNanos, long[] latencyNanos, long lagNanos, List<Ack> acks,
                         long requests) {
        public double throughput() {
            return elapsedNanos == 0 ? 0 : accepted / (elapsedNanos / 1e9);
        }
    }

    private final URI ingest;
    private final Map<String, String> tokens;
    private final ObjectMapper json = TruceJson.mapper();
    private final ObjectWriter writer = json.writerFor(new TypeReference<List<Observation>>() { });

    /**
     * @param base   the center's HTTP root on a loopback address, such as {@code http://127.0.0.1:8080/}
     * @param tokens asset id → HTTP ingest token
     * @throws IllegalArgumentException when the host is not a loopback address
     */
    public HttpLoad(URI base, Map<String, String> tokens) {
        requireLoopback(base.getHost());
        this.ingest = base.resolve("api/ingest/observations");
        this.tokens = Map.copyOf(tokens);
    }

    /** Refuses any host that is not a loopback address: the generator never loads another machine. */
    public static void requireLoopback(String host) {
        try {
            String h = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
            if (!InetAddress.getByName(h).isLoopbackAddress()) {
                throw new IllegalArgumentException("the load generator sends only to a loopback address (127.0.0.1, "
                        + "::1), not to " + host);
            }
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException("unknown host " + host, e);
        }
    }

    private record Request(String asset, byte[] body, int size) { }

    /** Encodes the bodies (untimed), then runs the timed load. */
    public Result run(List<TheaterStream.Batch> batches, double rate, Duration duration, int connections) {
        if (!(rate > 0)) throw new IllegalArgumentException("rate must be > 0");
        if (connections < 1) throw new IllegalArgumentException("connections must be at least 1");
        List<Request> requests = new ArrayList<>(batches.size());
        for (TheaterStream.Batch b : batches) {
            String token = tokens.get(b.asset().value());
            if (token == null) throw new IllegalArgumentException("no HTTP token for " + b.asset() + " in the tokens");
            try {
                requests.add(new Request(b.asset().value(), writer.writeValueAsBytes(b.observations()),
                        b.observations().size()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        // The schedule: request k starts when the observations before it are due at the offered rate.
        long[] due = new long[requests.size()];
        long cumulative = 0;
        for (int k = 0; k < requests.size(); k++) {
            due[k] = (long) (cumulative / rate * 1e9);
            cumulative += requests.get(k).size;
        }
        long durationNanos = duration.toNanos();
        AtomicInteger next = new AtomicInteger();
        AtomicLong sent = new AtomicLong();
        AtomicLong requestCount = new AtomicLong();
        AtomicLong accepted = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicLong lastAnswer = new AtomicLong();
        AtomicLong lag = new AtomicLong();
        Map<String, Long> rejected = new TreeMap<>();
        ConcurrentLinkedQueue<Ack> acks = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        String[] firstFailure = {""};
        long t0 = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(connections, r -> {
            Thread t = new Thread(r, "bench-http");
            t.setDaemon(true);
            return t;
        });
        for (int c = 0; c < connections; c++) {
            pool.execute(() -> {
                int k;
                while ((k = next.getAndIncrement()) < requests.size()) {
                    // Offering stops at the end of the duration, on the schedule and on the wall clock alike.
                    if (due[k] >= durationNanos || System.nanoTime() - t0 >= durationNanos) return;
                    long wait = t0 + due[k] - System.nanoTime();
                    if (wait > 0) LockSupport.parkNanos(wait);
                    Request r = requests.get(k);
                    HttpRequest req = HttpRequest.newBuilder(ingest)
                            .header("Authorization", "Bearer " + tokens.get(r.asset))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(r.body)).timeout(REQUEST_TIMEOUT).build();
                    long start = System.nanoTime();
                    lag.accumulateAndGet(start - t0 - due[k], Math::max);
                    sent.addAndGet(r.size);
                    requestCount.incrementAndGet();
                    try {
                        HttpResponse<byte[]> answer = http.send(req, HttpResponse.BodyHandlers.ofByteArray());
                        long end = System.nanoTime();
                        if (answer.statusCode() != 200) {
                            fail(failed, firstFailure, "answer " + answer.statusCode() + ": "
                                    + new String(answer.body(), java.nio.charset.StandardCharsets.UTF_8));
                            continue;
                        }
                        latencies.add(end - start);
                        lastAnswer.accumulateAndGet(end, Math::max);
                        JsonNode report = json.readTree(answer.body());
                        List<Long> seqs = new ArrayList<>();
                        for (JsonNode item : report.path("results")) {
                            if ("accepted".equals(item.path("status").asText())) {
                                seqs.add(Long.parseLong(item.path("id").asText().substring("OBS-".length())));
                            } else {
                                synchronized (rejected) {
                                    rejected.merge(item.path("reason").asText("?"), 1L, Long::sum);
                                }
                            }
                        }
                        accepted.addAndGet(seqs.size());
                        acks.add(new Ack(start, end, r.asset, seqs.stream().mapToLong(Long::longValue).toArray()));
                    } catch (IOException e) {
                        fail(failed, firstFailure, e.toString());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            });
        }
        pool.shutdown();
        try {
            // Offering stops at the end of the duration; what is in flight then gets its own timeout.
            if (!pool.awaitTermination(durationNanos + REQUEST_TIMEOUT.toNanos() + 5_000_000_000L, TimeUnit.NANOSECONDS)) {
                pool.shutdownNow();
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
        }
        long offered = 0;
        for (int k = 0; k < requests.size() && due[k] < durationNanos; k++) offered += requests.get(k).size;
        long elapsed = lastAnswer.get() == 0 ? 0 : lastAnswer.get() - t0;
        return new Result(offered, sent.get(), accepted.get(), rejected, failed.get(), firstFailure[0], elapsed,
                latencies.stream().mapToLong(Long::longValue).toArray(), lag.get(), List.copyOf(acks),
                requestCount.get());
    }

    private static void fail(AtomicLong failed, String[] first, String why) {
        if (failed.getAndIncrement() == 0) {
            synchronized (first) {
                first[0] = why.length() > 300 ? why.substring(0, 300) + "…" : why;
            }
        }
    }

    @Override
    public String toString() {
        return "HttpLoad[" + Objects.toString(ingest) + "]";
    }
}
