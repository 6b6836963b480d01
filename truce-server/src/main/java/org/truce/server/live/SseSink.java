package org.truce.server.live;

import io.javalin.http.sse.SseClient;
import java.util.Objects;

/** An {@link EventSink} writing to a Javalin server-sent-events client. */
final class SseSink implements EventSink {
    private final SseClient client;

    SseSink(SseClient client) {
        this.client = Objects.requireNonNull(client);
    }

    @Override
    public void event(String name, String data, String id) {
        client.sendEvent(name, data, id);
    }

    @Override
    public void comment(String text) {
        client.sendComment(text);
    }

    @Override
    public boolean terminated() {
        return client.terminated();
    }

    @Override
    public void close() {
        client.close();
    }
}
