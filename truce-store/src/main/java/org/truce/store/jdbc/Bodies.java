package org.truce.store.jdbc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import org.truce.codec.TruceJson;

/**
 * The JSON text of a stored domain record, through the one {@link TruceJson} mapping so a record reads back
 * equal to what was written. Thread-safe.
 */
final class Bodies {
    private final String database;

    Bodies(String database) {
        this.database = database;
    }

    /** Serialises {@code value} as {@code type} (a supertype keeps polymorphic type ids, e.g. Observation). */
    String write(Object value, Class<?> type) {
        ObjectWriter w = TruceJson.mapper().writerFor(type);
        try {
            return w.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot serialise " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }

    /** Parses a stored body; a body that no longer parses is reported with its table and key. */
    <T> T read(String json, Class<T> type, String table, Object key) {
        ObjectReader r = TruceJson.mapper().readerFor(type);
        try {
            return r.readValue(json);
        } catch (JsonProcessingException e) {
            throw new StoreException("unreadable " + type.getSimpleName() + " body in table " + table + ", key " + key
                    + " of " + database + ": " + e.getOriginalMessage(), e);
        }
    }
}
