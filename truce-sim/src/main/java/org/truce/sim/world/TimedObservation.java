package org.truce.sim.world;

import org.truce.sensing.Observation;

/** An observation with its emission order, so a step's reports sort stably by time. */
public record TimedObservation(long order, Observation observation) { }
