package org.truce.cases;


/** How a case ends: a joint {@link Finding} or a recorded {@link Dissent}. */
public sealed interface Outcome permits Finding, Dissent {}
