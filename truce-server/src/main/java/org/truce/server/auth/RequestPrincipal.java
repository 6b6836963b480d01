package org.truce.server.auth;

import io.javalin.http.Context;
import org.truce.cases.Principal;

/** Where the server keeps the {@link Principal} of the request being handled. Stateless. */
public final class RequestPrincipal {
    private static final String KEY = "truce.principal";

    private RequestPrincipal() {}

    /** The request's principal; {@link Principal#anonymous()} if none was set. */
    public static Principal of(Context ctx) {
        Principal p = ctx.attribute(KEY);
        return p == null ? Principal.anonymous() : p;
    }

    public static void set(Context ctx, Principal p) {
        ctx.attribute(KEY, p);
    }
}
