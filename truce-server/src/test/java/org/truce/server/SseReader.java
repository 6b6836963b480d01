package org.truce.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/** Reads a server-sent-events stream on its own thread and records events and comments for assertions. */
final class SseReader implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    record Event(String name, String data, String id) {
        JsonNode json() {
            try {
                return JSON.readTree(data);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    final List<Event> events = new CopyOnWriteArrayList<>();
    private final List<String> comments = new CopyOnWriteArrayList<>();
    private final InputStream body;
    private final Thread thread;
    volatile boolean ended;

    SseReader(URI uri) throws IOException, InterruptedException {
        this(uri, java.util.Map.of());
    }

    /** Connects with extra request headers (e.g. the test principal). */
    SseReader(URI uri, java.util.Map<String, String> headers) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).header("Accept", "text/event-stream").GET();
        headers.forEach(b::header);
        HttpResponse<InputStream> r = client.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
        if (r.statusCode() != 200) throw new IllegalStateException("SSE status " + r.statusCode());
        if (!r.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream")) {
            throw new IllegalStateException("not an event stream: " + r.headers().map());
        }
        body = r.body();
        thread = Thread.ofPlatform().daemon().name("sse-reader").start(this::read);
    }

    private void read() {
        try (var in = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            String name = "message";
            StringBuilder data = new StringBuilder();
            String id = "";
            for (String line; (line = in.readLine()) != null; ) {
                if (line.isEmpty()) {
                    if (!data.isEmpty()) events.add(new Event(name, data.toString(), id));
                    name = "message";
                    data.setLength(0);
                    id = "";
                } else if (line.startsWith(":")) {
                    comments.add(line.substring(1).strip());
                } else if (line.startsWith("event:")) {
                    name = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    if (!data.isEmpty()) data.append('\n');
                    data.append(line.substring(5).strip());
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).strip();
                }
            }
        } catch (IOException e) {
            // closed by close() or by the server
        } finally {
            ended = true;
        }
    }

    List<String> comments() {
        return List.copyOf(comments);
    }

    List<Event> named(String name) {
        return events.stream().filter(e -> e.name().equals(name)).toList();
    }

    /** Waits up to {@code timeout} for an event matching {@code p}. */
    Event await(String name, Predicate<JsonNode> p, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            for (Event e : named(name)) {
                if (p.test(e.json())) return e;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no '" + name + "' event matching within " + timeout + "; got " + events);
    }

    @Override
    public void close() throws IOException {
        body.close();
    }
}
