package org.truce.sensing;

import org.truce.ground.AssetKind;
import org.truce.ground.AssetId;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.truce.ground.ContingentId;
import org.truce.geo.GeoPoint;

/**
 * A registered sensor platform owned by a contingent. Observations from unregistered assets are refused.
 *
 * @param systemId   the MAVLink system id bound to this asset, for drones
 * @param site       the fixed position of a fixed sensor (camera, array, post)
 * @param apiToken   secret for HTTP ingest; never serialised to the public API
 */
public record Asset(AssetId id, ContingentId owner, AssetKind kind, String model, SensorSpec sensor,
                    OptionalInt systemId, Optional<GeoPoint> site, Optional<String> apiToken) {
    public Asset {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(sensor, "sensor");
        Objects.requireNonNull(systemId, "systemId");
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(apiToken, "apiToken");
    }

    public boolean fixed() {
        return kind != AssetKind.DRONE && kind != AssetKind.STAFF_BEACON;
    }
}
