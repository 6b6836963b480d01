package org.truce.app.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.truce.codec.TruceJson;

/**
 * A live-feed subscriber ({@code GET /api/events}, server-sent events) that notes when each {@code incident} event
 * arrives and the newest observation in its evidence, so a run can time receipt → alert: from sending the request
 * that carried that observation to the event that reports it. Reads on its own daemon thread; thread-safe.
 */
public final class LiveAlerts implements AutoCloseable {
    /** One incident event: when it arrived, the incident, and the highest log sequence number of its evidence. */
    public record Alert(long arrivedNanos, String incident, long newestEvidence, boolean opened) { }

    private final ConcurrentLinkedQueue<Alert> alerts = new ConcurrentLinkedQueue<>();
    private final CountDownLatch connected = new CountDownLatch(1);
    private final ObjectMapper json = TruceJson.mapper();
    private final Thread reader;
    private volatile InputStream stream;
    private volatile boolean closed;
    private volatile String failure = "";

    private LiveAlerts(URI base, Optional<String> apiToken) {
        HttpRequest.Builder req = HttpRequest.newBuilder(base.resolve("api/events")).header("Accept", "text/event-stream");
        apiToken.ifPresent(t -> req.header("Authorization", "Bearer " + t));
        HttpRequest request = req.GET().build();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        this.reader = new Thread(() -> read(http, request), "bench-live-feed");
        reader.setDaemon(true);
    }

    /** Subscribes and waits (at most 10 s) until the feed answered. */
    public static LiveAlerts subscribe(URI base, Optional<String> apiToken) {
        LiveAlerts a = new LiveAlerts(base, apiToken);
        a.reader.start();
        try {
            if (!a.connected.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the live feed " + base.resolve("api/events") + " did not answer in 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!a.failure.isEmpty()) throw new IllegalStateException("the live feed: " + a.failure);
        return a;
    }

    private void read(HttpClient http, HttpRequest request) {
        try {
            HttpResponse<InputStream> r = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            stream = r.body();
            if (r.statusCode() != 200) {
                failure = "answered " + r.statusCode();
                connected.countDown();
                return;
            }
            connected.countDown();
            BufferedReader lines = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8));
            String event = "";
            String line;
            while (!closed && (line = lines.readLine()) != null) {
                if (line.startsWith("event:")) {
                    event = line.substring(6).trim();
                } else if (line.startsWith("data:") && event.equals("incident")) {
                    long now = System.nanoTime();
                    note(now, line.substring(5).trim());
                } else if (line.isEmpty()) {
                    event = "";
                }
            }
        } catch (IOException e) {
            if (!closed) failure = e.toString();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            connected.countDown();
        }
    }

    private void note(long arrived, String data) {
        try {
            JsonNode ev = json.readTree(data);
            JsonNode incident = ev.path("incident");
            long newest = 0;
            for (JsonNode id : incident.path("evidence")) {
                String s = id.asText();
                if (s.startsWith("OBS-")) newest = Math.max(newest, Long.parseLong(s.substring(4)));
            }
            alerts.add(new Alert(arrived, incident.path("id").asText(), newest, ev.path("opened").asBoolean()));
        } catch (IOException | NumberFormatException e) {
            failure = "unreadable incident event: " + e.getMessage();
        }
    }

    /** Every incident event so far, in arrival order. */
    public List<Alert> alerts() {
        return new ArrayList<>(alerts);
    }

    /** Why the feed broke off, or empty. */
    public String failure() {
        return failure;
    }

    /**
     * Receipt → alert times: for each incident event that brought new evidence (its newest evidence observation is
     * newer than that incident's previous event's), the time from sending that observation to the event arriving.
     * Events whose newest evidence was not sent by this run (a time-driven close) are left out.
     *
     * @param sentNanos log sequence number → when the request carrying it was sent, or -1 when unknown
     */
    public long[] receiptToAlertNanos(java.util.function.LongUnaryOperator sentNanos) {
        Map<String, Long> newestSeen = new HashMap<>();
        List<Long> out = new ArrayList<>();
        for (Alert a : alerts) {
            Long before = newestSeen.put(a.incident(), a.newestEvidence());
            if (before != null && before >= a.newestEvidence()) continue;
            long sent = sentNanos.applyAsLong(a.newestEvidence());
            if (sent >= 0) out.add(a.arrivedNanos() - sent);
        }
        return out.stream().mapToLong(Long::longValue).toArray();
    }

    @Override
    public void close() {
        closed = true;
        InputStream s = stream;
        if (s != null) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing a stream the server may already have ended
            }
        }
        reader.interrupt();
    }
}
