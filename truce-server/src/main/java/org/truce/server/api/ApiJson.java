package org.truce.server.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.truce.codec.TruceJson;

/**
 * The HTTP API's JSON mapping: exactly {@link TruceJson}'s, so the API, the store and the adapters share one
 * format (id records as plain strings, instants as ISO-8601 UTC). Thread-safe.
 */
public final class ApiJson {
    private ApiJson() {}

    /** The shared API mapper; do not reconfigure it. */
    public static ObjectMapper mapper() {
        return TruceJson.mapper();
    }

    static ObjectMapper create() {
        return TruceJson.create();
    }
}
