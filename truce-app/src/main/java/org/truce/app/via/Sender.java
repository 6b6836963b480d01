package org.truce.app.via;

import java.util.List;
import org.truce.sensing.Observation;

/**
 * Sends observations to a center by one protocol, in the order given. {@link #send} returns once the protocol has
 * handed them over (written to the socket, acknowledged by the broker, answered by HTTP); whether the center has
 * accepted them is seen in its counters. Not thread-safe: one sending thread.
 */
interface Sender extends AutoCloseable {
    Protocol protocol();

    /**
     * @return how many of them the center has already accounted for (HTTP answers at once); the rest are to be
     *         awaited in its counters
     */
    int send(List<Observation> run);

    @Override
    void close();
}
