package org.truce.sim;

import java.time.Instant;

/**
 * Progress after one step.
 *
 * @param time     simulated time reached
 * @param step     steps done since the simulation began, 1-based
 * @param fraction share of the current run call done, in [0, 1]
 * @param emitted  observations sent to the ingest port since the simulation began
 * @param accepted of those, accepted by the port
 */
public record SimStep(Instant time, long step, double fraction, long emitted, long accepted) { }
