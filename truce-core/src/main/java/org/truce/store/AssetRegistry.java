package org.truce.store;

import java.util.List;
import java.util.Optional;
import org.truce.sensing.Asset;
import org.truce.ground.AssetId;

/** The registered assets. Thread-safe. */
public interface AssetRegistry {
    /** Inserts or replaces the asset with the same id. */
    void save(Asset asset);

    Optional<Asset> find(AssetId id);

    /** The drone bound to a MAVLink system id. */
    Optional<Asset> bySystemId(int systemId);

    /** All assets ordered by id. */
    List<Asset> all();
}
