package org.truce.server.live;

/**
 * Where one live client's events go: a server-sent-events connection in production, a recorder in tests.
 * Called only from the client's own sender thread.
 */
interface EventSink {
    /** Writes one event; a failed write shows up as {@link #terminated()}. */
    void event(String name, String data, String id);

    /** Writes a comment line (a heartbeat, which keeps proxies from closing an idle stream). */
    void comment(String text);

    /** Whether the connection is gone (client disconnected or write failed). */
    boolean terminated();

    /** Ends the connection; idempotent. */
    void close();
}
