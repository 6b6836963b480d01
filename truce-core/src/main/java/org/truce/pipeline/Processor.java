package org.truce.pipeline;

import java.time.Instant;
import java.util.List;
import org.truce.sensing.AcceptedObservation;

/**
 * The deterministic part of the center: turns accepted observations, in log order, into tracks and incidents.
 * Not thread-safe: {@link Center} calls it from one thread at a time. The same sequence of calls always
 * yields the same events.
 */
public interface Processor {
    /** Processes one accepted observation; returns the events it caused (tracks, incidents), in order. */
    List<CenterEvent> process(AcceptedObservation observation);

    /** Lets time-driven logic run (deadlines passing, tracks coasting, incidents closing) up to {@code now}. */
    List<CenterEvent> advanceTo(Instant now);
}
