package org.truce.agreement.io;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.locationtech.jts.geom.Geometry;
import org.truce.ground.PartyId;
import org.truce.ground.ZoneId;
import org.truce.agreement.ZoneRole;

/**
 * A zone as written in the agreement file, before its geometry is computed: (base ∪ union…) − subtract….
 * Immutable. Fields that failed to read hold placeholders; their errors are already reported.
 */
record ZoneDef(ZoneId id, JsonPath path, String name, ZoneRole role, Optional<PartyId> heldBy, String source,
               String caveat, Base base, List<Fields.Ref> union, List<Fields.Ref> subtract) {

    /** Where the zone's geometry starts from. */
    sealed interface Base {
        /** A WGS 84 geometry read from the file (inline or from a zone file). */
        record Given(Geometry wgs84) implements Base {}

        /** A line buffered by {@code metres} on each side, in the local projection. */
        record LineBuffer(Geometry wgs84Line, double metres) implements Base {}

        /** Another zone buffered by {@code metres}, in the local projection. */
        record ZoneBuffer(Fields.Ref zone, double metres) implements Base {}

        /** No base: the zone is the union of {@code union}. */
        record Nothing() implements Base {}

        /** The definition could not be read; the zone gets no geometry (already reported). */
        record Broken() implements Base {}
    }

    /** Every zone this one is computed from, with where it is named. */
    List<Fields.Ref> dependencies() {
        Stream<Fields.Ref> b = base instanceof Base.ZoneBuffer zb ? Stream.of(zb.zone()) : Stream.empty();
        return Stream.of(b, union.stream(), subtract.stream()).flatMap(s -> s).toList();
    }

    /** Whether the geometry is exactly as given in a file (no projection needed). */
    boolean givenAsIs() {
        return base instanceof Base.Given && union.isEmpty() && subtract.isEmpty();
    }
}
