package org.truce.store;

import java.util.Optional;

/** String settings kept across restarts. Thread-safe. */
public interface MetaStore {
    Optional<String> get(String key);

    void put(String key, String value);
}
