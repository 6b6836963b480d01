package org.truce.server;

import io.javalin.http.Context;
import java.util.Locale;
import org.truce.ground.ContingentId;
import org.truce.ground.PartyId;
import org.truce.cases.Principal;
import org.truce.cases.Role;
import org.truce.server.auth.Authenticator;

/**
 * A test-only {@link Authenticator}: the caller names its principal in header {@value #HEADER}, as
 * {@code ROLE} or {@code ROLE SCOPE} ({@code ANALYST RU}, {@code LIAISON_OFFICER AM}, {@code AUDITOR}); no header
 * is the public. So the tests exercise authorization, not sign-in.
 */
public final class TestAuthenticator implements Authenticator {
    public static final String HEADER = "X-Test-Principal";

    @Override
    public Principal authenticate(Context ctx) {
        String h = ctx.header(HEADER);
        return h == null || h.isBlank() ? Principal.anonymous() : parse(h);
    }

    /** The principal a header value names; its user id is the value in lower case with dashes. */
    public static Principal parse(String value) {
        String[] p = value.strip().split("\\s+");
        Role role = Role.valueOf(p[0]);
        String user = value.strip().toLowerCase(Locale.ROOT).replace(' ', '-').replace('_', '-');
        if (role.isStaff()) return Principal.staff(user, role, ContingentId.of(p[1]));
        if (role == Role.LIAISON_OFFICER) return Principal.liaison(user, PartyId.of(p[1]));
        if (role == Role.AUDITOR) return Principal.auditor(user);
        return Principal.anonymous();
    }
}
