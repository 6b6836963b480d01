package org.truce.store.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.truce.sensing.Asset;
import org.truce.ground.AssetId;
import org.truce.store.AssetRegistry;

/**
 * Assets in table {@code assets}, with the MAVLink system id as an indexed column. The body keeps every field,
 * including the HTTP ingest token (this is the registry, not the public API).
 *
 * <p>Reads are answered from memory: the center looks an asset up for every observation it checks and every one
 * it fuses, and a registry of a few hundred assets fits easily, so no read issues SQL. The table is read once when
 * the store opens; {@link #save} writes through (the row first, then memory, so a failed write changes neither).
 * This process is assumed to be the registry's only writer: an asset another process saves into a shared
 * PostgreSQL schema is seen after a restart.
 *
 * <p>Thread-safe: reads take an immutable snapshot from a volatile field, without locking; saves are serialised.
 */
final class JdbcAssetRegistry implements AssetRegistry {
    private static final List<String> COLUMNS = List.of("id", "system_id", "body");

    private final Jdbc jdbc;
    private final Bodies bodies;
    private volatile Snapshot snapshot;

    /** The registry as one immutable value: by id (in id order) and the drone bound to each system id. */
    private record Snapshot(List<Asset> all, Map<AssetId, Asset> byId, Map<Integer, Asset> bySystemId) {
        static Snapshot of(List<Asset> assets) {
            List<Asset> sorted = assets.stream().sorted(Comparator.comparing(Asset::id)).toList();
            Map<AssetId, Asset> byId = new TreeMap<>();
            Map<Integer, Asset> bySystemId = new TreeMap<>();
            for (Asset a : sorted) {
                byId.put(a.id(), a);
                // When several assets claim the same system id (a registry error), the first by id wins.
                if (a.systemId().isPresent()) bySystemId.putIfAbsent(a.systemId().getAsInt(), a);
            }
            return new Snapshot(sorted, Map.copyOf(byId), Map.copyOf(bySystemId));
        }
    }

    JdbcAssetRegistry(Jdbc jdbc, Bodies bodies) {
        this.jdbc = jdbc;
        this.bodies = bodies;
        this.snapshot = Snapshot.of(jdbc.list("SELECT id, body FROM assets ORDER BY id", this::row));
    }

    @Override
    public synchronized void save(Asset asset) {
        Integer systemId = asset.systemId().isPresent() ? asset.systemId().getAsInt() : null;
        jdbc.upsert("assets", "id", COLUMNS, asset.id().value(), systemId, bodies.write(asset, Asset.class));
        Map<AssetId, Asset> next = new TreeMap<>(snapshot.byId());
        next.put(asset.id(), asset);
        snapshot = Snapshot.of(List.copyOf(next.values()));
    }

    @Override
    public Optional<Asset> find(AssetId id) {
        return Optional.ofNullable(snapshot.byId().get(id));
    }

    /** When several assets claim the same system id (a registry error), the first by id wins. */
    @Override
    public Optional<Asset> bySystemId(int systemId) {
        return Optional.ofNullable(snapshot.bySystemId().get(systemId));
    }

    @Override
    public List<Asset> all() {
        return snapshot.all();
    }

    private Asset row(ResultSet rs) throws SQLException {
        return bodies.read(rs.getString("body"), Asset.class, "assets", rs.getString("id"));
    }
}
