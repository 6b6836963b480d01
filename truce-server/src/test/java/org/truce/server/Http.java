package org.truce.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A tiny HTTP client for the tests: GET or POST a path of the started server, read the body as JSON. */
final class Http {
    private static final ObjectMapper JSON = new ObjectMapper();
    final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    final URI base;

    Http(URI base) {
        this.base = base;
    }

    record Response(int status, String contentType, String body, String wwwAuthenticate) {
        Response(int status, String contentType, String body) {
            this(status, contentType, body, "");
        }

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + body, e);
            }
        }
    }

    Response get(String pathAndQuery) {
        HttpResponse<String> r = send(pathAndQuery);
        return new Response(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
    }

    /** POSTs {@code body} as JSON, with {@code Authorization: Bearer token} unless {@code token} is null. */
    Response post(String path, String body, String token) {
        return post(path, HttpRequest.BodyPublishers.ofString(body), token);
    }

    Response post(String path, HttpRequest.BodyPublisher body, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json").POST(body);
        if (token != null) b.header("Authorization", "Bearer " + token);
        try {
            HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body(),
                    r.headers().firstValue("WWW-Authenticate").orElse(""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The {@code Link} header of a GET, or empty. */
    String linkHeader(String pathAndQuery) {
        return send(pathAndQuery).headers().firstValue("Link").orElse("");
    }

    private HttpResponse<String> send(String pathAndQuery) {
        HttpRequest req = HttpRequest.newBuilder(base.resolve(pathAndQuery)).timeout(Duration.ofSeconds(10)).GET().build();
        try {
            return client.send(req, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
