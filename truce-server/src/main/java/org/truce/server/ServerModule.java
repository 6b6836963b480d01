package org.truce.server;

import io.javalin.Javalin;

/**
 * A group of endpoints added to the server (accounts, cases, reports …). {@link #register} is called once, while
 * the server is built, after the built-in routes; routes it adds are listed by {@link TruceServer#routes()} like
 * any other. Handlers read the caller with {@link org.truce.server.auth.RequestPrincipal#of}.
 */
@FunctionalInterface
public interface ServerModule {
    void register(Javalin app);
}
