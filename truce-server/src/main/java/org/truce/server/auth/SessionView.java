package org.truce.server.auth;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Optional;
import org.truce.ground.ContingentId;
import org.truce.ground.PartyId;
import org.truce.cases.Principal;
import org.truce.cases.Role;

/**
 * The body of {@code GET/POST /api/session}: who the request speaks for. Absent members are left out.
 *
 * @param signedIn false for the public (no credentials)
 * @param name     display name, for a signed-in account
 * @param lang     the account's preferred language ({@code en}, {@code ru}, {@code tr})
 * @param csrf     the session's CSRF token, to send as {@code X-CSRF-Token} on unsafe requests; only for a
 *                 session signed in with the cookie
 */
@JsonInclude(JsonInclude.Include.NON_ABSENT)
public record SessionView(boolean signedIn, String user, Optional<String> name, Role role,
                          Optional<ContingentId> contingent, Optional<PartyId> party, Optional<String> lang,
                          Optional<String> csrf) {
    /** What is known from the principal alone (servers without accounts). */
    public static SessionView of(Principal p) {
        return new SessionView(p.role() != Role.PUBLIC, p.userId(), Optional.empty(), p.role(), p.contingent(), p.party(),
                Optional.empty(), Optional.empty());
    }
}
