package org.truce.server;

import io.javalin.Javalin;
import java.util.Map;
import org.truce.server.auth.Access;
import org.truce.server.auth.RoutePolicy;

/**
 * A group of endpoints added to the server (accounts, cases, reports …). {@link #register} is called once, while
 * the server is built, after the built-in routes; routes it adds are listed by {@link TruceServer#routes()} like
 * any other. Handlers read the caller with {@link org.truce.server.auth.RequestPrincipal#of}.
 */
@FunctionalInterface
public interface ServerModule {
    void register(Javalin app);

    /**
     * Who may call the routes this module adds that the server-wide table ({@link RoutePolicy#entries()}) does not
     * know; a route with an entry in neither is refused to everyone. Default: none (the table knows them).
     */
    default Map<Route, Access> access() {
        return Map.of();
    }

    /**
     * OGC API – Features collections this module serves under {@code /ogc}, listed after the server's own; their
     * access is {@link RoutePolicy#collectionAccess}. Default: none.
     */
    default java.util.List<org.truce.server.ogc.OgcCollection> collections() {
        return java.util.List.of();
    }
}
