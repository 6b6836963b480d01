package org.truce.cases;

import java.util.Objects;
import java.util.Optional;
import org.truce.ground.ContingentId;
import org.truce.ground.PartyId;

/**
 * An authenticated person as the core sees it. Invariants: staff roles carry a contingent and no party; a liaison
 * officer carries a party and no contingent; auditors and the public carry neither. Immutable.
 *
 * @param userId stable login id, never blank
 */
public record Principal(String userId, Role role, Optional<ContingentId> contingent, Optional<PartyId> party) {
    public Principal {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(contingent, "contingent");
        Objects.requireNonNull(party, "party");
        if (userId == null || userId.isBlank()) throw new IllegalArgumentException("principal userId must not be blank");
        if (role.isStaff() && (contingent.isEmpty() || party.isPresent())) {
            throw new IllegalArgumentException("principal " + userId + ": role " + role + " needs a contingent and no party");
        }
        if (role == Role.LIAISON_OFFICER && (party.isEmpty() || contingent.isPresent())) {
            throw new IllegalArgumentException("principal " + userId + ": role LIAISON_OFFICER needs a party and no contingent");
        }
        if ((role == Role.AUDITOR || role == Role.PUBLIC) && (party.isPresent() || contingent.isPresent())) {
            throw new IllegalArgumentException("principal " + userId + ": role " + role + " belongs to no contingent or party");
        }
    }

    public static Principal staff(String userId, Role role, ContingentId contingent) {
        return new Principal(userId, role, Optional.of(contingent), Optional.empty());
    }

    public static Principal liaison(String userId, PartyId party) {
        return new Principal(userId, Role.LIAISON_OFFICER, Optional.empty(), Optional.of(party));
    }

    public static Principal auditor(String userId) {
        return new Principal(userId, Role.AUDITOR, Optional.empty(), Optional.empty());
    }

    public static Principal anonymous() {
        return new Principal("public", Role.PUBLIC, Optional.empty(), Optional.empty());
    }

    /** True if this principal is staff of {@code c}. */
    public boolean isStaffOf(ContingentId c) {
        return role.isStaff() && contingent.map(c::equals).orElse(false);
    }
}
