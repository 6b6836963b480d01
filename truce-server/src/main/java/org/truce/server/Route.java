package org.truce.server;

import java.util.Objects;

/**
 * One registered HTTP endpoint, as Javalin reported it when it was added.
 *
 * @param method upper-case HTTP method ({@code GET} …)
 * @param path   path pattern with {@code {name}} placeholders, as in OpenAPI
 */
public record Route(String method, String path) {
    public Route {
        Objects.requireNonNull(method); Objects.requireNonNull(path);
    }
}
