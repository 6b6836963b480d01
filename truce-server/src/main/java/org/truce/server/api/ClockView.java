package org.truce.server.api;

import java.time.Instant;

/**
 * The center's current time.
 *
 * @param simulated true when the center runs on a scenario clock, so {@code time} is scenario time
 */
public record ClockView(Instant time, boolean simulated) {}
