package org.truce.app.via;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.truce.sensing.Observation;

/**
 * Observations of any kind by HTTP ingest ({@code POST /api/ingest/observations}), one request per stretch of one
 * asset's observations, with that asset's token. The center answers each request only once every item is accepted
 * or refused, so nothing needs awaiting.
 */
final class HttpSender implements Sender {
    private final TargetApi api;
    private final Map<String, String> tokens;

    /** @param tokens asset id → HTTP ingest token (the tokens file of {@code truce serve --simulated-assets}) */
    HttpSender(TargetApi api, Map<String, String> tokens) {
        this.api = Objects.requireNonNull(api);
        this.tokens = Map.copyOf(tokens);
    }

    @Override
    public Protocol protocol() {
        return Protocol.HTTP;
    }

    @Override
    public int send(List<Observation> run) {
        int answered = 0;
        int i = 0;
        while (i < run.size()) {
            var asset = run.get(i).asset();
            List<Observation> batch = new ArrayList<>();
            while (i < run.size() && run.get(i).asset().equals(asset)) batch.add(run.get(i++));
            String token = tokens.get(asset.value());
            if (token == null) throw new IllegalArgumentException("no HTTP token for " + asset + " in the tokens file");
            JsonNode report = api.ingest(token, batch);
            answered += report.path("accepted").asInt() + report.path("rejected").asInt();
        }
        return answered;
    }

    @Override
    public void close() { }
}
