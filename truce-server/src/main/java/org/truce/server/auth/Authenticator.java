package org.truce.server.auth;

import io.javalin.http.Context;
import org.truce.cases.Principal;

/**
 * Turns a request into the {@link Principal} it speaks for. Called once per request, before any handler; the
 * result is kept with {@link RequestPrincipal}. A request without credentials is {@link Principal#anonymous()};
 * a request with bad credentials throws a {@code ProblemException} (401). Implementations must be thread-safe.
 */
@FunctionalInterface
public interface Authenticator {
    Principal authenticate(Context ctx);
}
