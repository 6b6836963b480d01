package org.truce.store.jdbc;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.truce.store.MetaStore;

/** String settings in table {@code meta}. Thread-safe. */
final class JdbcMetaStore implements MetaStore {
    private static final List<String> COLUMNS = List.of("meta_key", "meta_value");

    private final Jdbc jdbc;

    JdbcMetaStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<String> get(String key) {
        return jdbc.first("SELECT meta_value FROM meta WHERE meta_key = ?", rs -> rs.getString(1), key);
    }

    @Override
    public void put(String key, String value) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        jdbc.upsert("meta", "meta_key", COLUMNS, key, value);
    }
}
