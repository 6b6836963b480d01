package org.truce.server.api;

import java.util.Optional;
import java.util.OptionalInt;
import org.truce.ground.ContingentId;
import org.truce.geo.GeoPoint;
import org.truce.sensing.Asset;
import org.truce.ground.AssetId;
import org.truce.ground.AssetKind;
import org.truce.sensing.Observation;
import org.truce.sensing.SensorSpec;

/**
 * A registered asset as the API shows it: the registry entry without its ingest secret, plus the last platform
 * fix and footprint in the accepted-input log (with their observation ids) so a map can place it at once, and its
 * health when the server has a health source.
 */
public record AssetView(AssetId id, ContingentId owner, AssetKind kind, String model, SensorSpec sensor,
                        OptionalInt systemId, Optional<GeoPoint> site, Optional<Located<Observation.PlatformFix>> lastFix,
                        Optional<Located<Observation.Footprint>> lastFootprint, Optional<HealthSummary> health) {

    /** An observation with the id it has in the accepted-input log. */
    public record Located<T extends Observation>(String observationId, T observation) {}

    /** The public view of {@code a}: everything but {@code apiToken}; {@code health} absent when unmonitored. */
    public static AssetView of(Asset a, Optional<Located<Observation.PlatformFix>> lastFix,
                               Optional<Located<Observation.Footprint>> lastFootprint, Optional<HealthSummary> health) {
        return new AssetView(a.id(), a.owner(), a.kind(), a.model(), a.sensor(), a.systemId(), a.site(),
                lastFix, lastFootprint, health);
    }
}
