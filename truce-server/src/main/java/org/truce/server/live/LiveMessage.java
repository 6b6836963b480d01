package org.truce.server.live;

import java.util.Objects;

/**
 * One server-sent event, already serialised once for all clients.
 *
 * @param name the SSE event name ({@code incident}, {@code track}, {@code asset}, {@code clock})
 * @param data the JSON payload
 * @param id   the feed's sequence number, increasing by one per event sent to all clients
 */
record LiveMessage(String name, String data, String id) {
    LiveMessage {
        Objects.requireNonNull(name); Objects.requireNonNull(data); Objects.requireNonNull(id);
    }
}
