package org.truce.agreement;

import org.truce.ground.ZoneId;
import org.truce.ground.PartyId;
import java.util.Objects;
import java.util.Optional;
import org.locationtech.jts.geom.Geometry;

/**
 * A named geometry with a role.
 *
 * <p>The geometry is in WGS 84 with JTS x = longitude, y = latitude (GeoJSON order). It is valid
 * (checked at load) and never mutated after construction; callers must not mutate it either.
 *
 * @param heldBy  the party holding the area, for {@link ZoneRole#HELD_AREA}
 * @param source  where the outline comes from (publication, data set, derivation)
 * @param caveat  how far to trust it (e.g. "approximate, for simulation")
 */
public record Zone(ZoneId id, String name, ZoneRole role, Geometry geometry,
                   Optional<PartyId> heldBy, String source, String caveat) {
    public Zone {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(geometry, "geometry");
        Objects.requireNonNull(heldBy, "heldBy");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(caveat, "caveat");
    }
}
