package org.truce.server.live;

import java.util.Objects;
import java.util.Optional;
import org.truce.ground.ContingentId;
import org.truce.ground.AssetId;
import org.truce.ground.AssetKind;
import org.truce.sensing.Observation;

/**
 * Payload of the {@code asset} live event: an asset's latest platform fix and footprint, each with its
 * observation id. Owner and kind come from the asset registry (empty if the asset vanished from it).
 */
public record AssetState(AssetId asset, Optional<ContingentId> owner, Optional<AssetKind> kind,
                         Optional<String> fixId, Optional<Observation.PlatformFix> fix,
                         Optional<String> footprintId, Optional<Observation.Footprint> footprint) {
    public AssetState {
        Objects.requireNonNull(asset); Objects.requireNonNull(owner); Objects.requireNonNull(kind);
        Objects.requireNonNull(fixId); Objects.requireNonNull(fix);
        Objects.requireNonNull(footprintId); Objects.requireNonNull(footprint);
    }

    static AssetState empty(AssetId asset) {
        return new AssetState(asset, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty());
    }

    AssetState withFix(String id, Observation.PlatformFix f) {
        return new AssetState(asset, owner, kind, Optional.of(id), Optional.of(f), footprintId, footprint);
    }

    AssetState withFootprint(String id, Observation.Footprint f) {
        return new AssetState(asset, owner, kind, fixId, fix, Optional.of(id), Optional.of(f));
    }

    AssetState withRegistry(ContingentId owner, AssetKind kind) {
        return new AssetState(asset, Optional.of(owner), Optional.of(kind), fixId, fix, footprintId, footprint);
    }
}
