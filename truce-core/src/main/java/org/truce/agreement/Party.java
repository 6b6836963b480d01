package org.truce.agreement;

import org.truce.ground.PartyId;
import java.util.Objects;

/**
 * A side whose forces are monitored.
 *
 * @param id    stable id used in observations, tracks and incidents (e.g. {@code AM})
 * @param name  display name
 * @param role  what the agreement expects of its forces
 */
public record Party(PartyId id, String name, PartyRole role) {
    public Party {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
    }
}
