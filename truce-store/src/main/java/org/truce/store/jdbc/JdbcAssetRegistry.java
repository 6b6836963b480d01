package org.truce.store.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.truce.sensing.Asset;
import org.truce.ground.AssetId;
import org.truce.store.AssetRegistry;

/**
 * Assets in table {@code assets}, with the MAVLink system id as an indexed column. The body keeps every field,
 * including the HTTP ingest token (this is the registry, not the public API). Thread-safe.
 */
final class JdbcAssetRegistry implements AssetRegistry {
    private static final List<String> COLUMNS = List.of("id", "system_id", "body");

    private final Jdbc jdbc;
    private final Bodies bodies;

    JdbcAssetRegistry(Jdbc jdbc, Bodies bodies) {
        this.jdbc = jdbc;
        this.bodies = bodies;
    }

    @Override
    public void save(Asset asset) {
        Integer systemId = asset.systemId().isPresent() ? asset.systemId().getAsInt() : null;
        jdbc.upsert("assets", "id", COLUMNS, asset.id().value(), systemId, bodies.write(asset, Asset.class));
    }

    @Override
    public Optional<Asset> find(AssetId id) {
        return jdbc.first("SELECT id, body FROM assets WHERE id = ?", this::row, id.value());
    }

    /** When several assets claim the same system id (a registry error), the first by id wins. */
    @Override
    public Optional<Asset> bySystemId(int systemId) {
        return jdbc.first("SELECT id, body FROM assets WHERE system_id = ? ORDER BY id FETCH FIRST 1 ROWS ONLY",
                this::row, systemId);
    }

    @Override
    public List<Asset> all() {
        return jdbc.list("SELECT id, body FROM assets ORDER BY id", this::row);
    }

    private Asset row(ResultSet rs) throws SQLException {
        return bodies.read(rs.getString("body"), Asset.class, "assets", rs.getString("id"));
    }
}
