package org.truce.pipeline;

import java.util.ArrayList;
import java.util.List;
import org.truce.sensing.Observation;

/**
 * Where every sensor report enters the center: protocol adapters and the simulator alike.
 * Implementations are thread-safe; an accepted observation is durable when this returns.
 */
@FunctionalInterface
public interface IngestPort {
    /**
     * @param channel the adapter the observation came through ({@code sim}, {@code http}, {@code mavlink}, …)
     */
    Acceptance accept(String channel, Observation observation);

    /**
     * Accepts a batch that arrived together (one HTTP request, one MQTT or UDP burst), answering each observation in
     * order. Every {@link Acceptance.Accepted} answer is durable when this returns; an implementation that can
     * should commit the batch's accepted observations together (group commit), so the cost of durability is paid
     * once per batch rather than once per observation. This default accepts them one by one.
     */
    default List<Acceptance> acceptAll(String channel, List<? extends Observation> observations) {
        List<Acceptance> answers = new ArrayList<>(observations.size());
        for (Observation o : observations) answers.add(accept(channel, o));
        return answers;
    }
}
