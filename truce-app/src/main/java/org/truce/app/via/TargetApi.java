package org.truce.app.via;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.truce.codec.TruceJson;
import org.truce.rules.Incident;
import org.truce.sensing.Observation;

/**
 * The HTTP API of the center {@code truce simulate --via} drives: its ingest counters ({@code /metrics}), its
 * registered assets, its incidents, and HTTP ingest. Every failure is an {@link IllegalStateException} naming the
 * URL and the answer. Thread-safe.
 */
public final class TargetApi {
    private static final Pattern ACCEPTED = Pattern.compile("^truce_ingest_accepted_total\\{channel=\"([^\"]*)\"} (\\d+)$",
            Pattern.MULTILINE);
    private static final Pattern REJECTED = Pattern.compile(
            "^truce_ingest_rejected_total\\{channel=\"([^\"]*)\",reason=\"([^\"]*)\"} (\\d+)$", Pattern.MULTILINE);

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final ObjectMapper json = TruceJson.mapper();

    private final java.util.Optional<String> apiToken;

    /**
     * @param base     the center's HTTP root, such as {@code http://127.0.0.1:8080/}
     * @param apiToken a person's API token (staff or auditor), sent with every read: a center for real sensors keeps
     *                 its operational data (assets, incidents, metrics) to them
     */
    public TargetApi(URI base, java.util.Optional<String> apiToken) {
        this.base = Objects.requireNonNull(base);
        this.apiToken = Objects.requireNonNull(apiToken);
    }

    public URI base() {
        return base;
    }

    /** The ingest counters: inputs accepted and refused, by channel. */
    public record Counts(Map<String, Long> accepted, Map<String, Map<String, Long>> rejected) {
        /** Everything the center has accounted for on a channel, accepted or refused. */
        public long handled(String channel) {
            return accepted.getOrDefault(channel, 0L)
                    + rejected.getOrDefault(channel, Map.of()).values().stream().mapToLong(Long::longValue).sum();
        }
    }

    public Counts counts() {
        String text = get("metrics");
        Map<String, Long> accepted = new TreeMap<>();
        Matcher a = ACCEPTED.matcher(text);
        while (a.find()) accepted.put(a.group(1), Long.parseLong(a.group(2)));
        Map<String, Map<String, Long>> rejected = new TreeMap<>();
        Matcher r = REJECTED.matcher(text);
        while (r.find()) rejected.computeIfAbsent(r.group(1), k -> new TreeMap<>()).put(r.group(2), Long.parseLong(r.group(3)));
        return new Counts(accepted, rejected);
    }

    /** The ids of the registered assets. */
    public List<String> assetIds() {
        List<String> ids = new ArrayList<>();
        for (JsonNode a : read(get("api/assets"))) ids.add(a.path("id").asText());
        return ids;
    }

    /** The center's clock now ({@code /api/clock}). */
    public java.time.Instant clock() {
        return java.time.Instant.parse(read(get("api/clock")).path("time").asText());
    }

    /** How many observations the center's log holds. */
    public long observationCount() {
        return read(get("api/observations?limit=1")).path("total").asLong();
    }

    /** Every incident, all pages. */
    public List<Incident> incidents() {
        List<Incident> out = new ArrayList<>();
        int offset = 0;
        while (true) {
            JsonNode page = read(get("api/incidents?limit=500&offset=" + offset));
            JsonNode items = page.path("items");
            for (JsonNode i : items) {
                try {
                    out.add(json.treeToValue(i, Incident.class));
                } catch (IOException e) {
                    throw new IllegalStateException(base + "api/incidents: unreadable incident: " + e.getMessage(), e);
                }
            }
            offset += items.size();
            if (items.isEmpty() || offset >= page.path("total").asLong()) return out;
        }
    }

    /** HTTP ingest of one asset's observations, in order; returns the center's report. */
    public JsonNode ingest(String token, List<Observation> observations) {
        try {
            // The element type must be given: an erased List<Observation> would be written without "kind".
            byte[] body = json.writerFor(new TypeReference<List<Observation>>() { }).writeValueAsBytes(observations);
            HttpRequest req = HttpRequest.newBuilder(base.resolve("api/ingest/observations"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).timeout(Duration.ofSeconds(60)).build();
            return read(send(req));
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode observations: " + e.getMessage(), e);
        }
    }

    private String get(String path) {
        HttpRequest.Builder req = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60)).GET();
        apiToken.ifPresent(t -> req.header("Authorization", "Bearer " + t));
        return send(req.build());
    }

    private String send(HttpRequest req) {
        try {
            HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() / 100 != 2) {
                throw new IllegalStateException(req.method() + " " + req.uri() + " answered " + r.statusCode() + ": "
                        + r.body());
            }
            return r.body();
        } catch (IOException e) {
            throw new IllegalStateException("cannot reach the target center at " + req.uri() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while talking to " + req.uri(), e);
        }
    }

    private JsonNode read(String body) {
        try {
            return json.readTree(body);
        } catch (IOException e) {
            throw new IllegalStateException(base + ": the answer is not JSON: " + e.getMessage(), e);
        }
    }
}
