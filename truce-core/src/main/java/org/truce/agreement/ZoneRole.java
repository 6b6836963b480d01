package org.truce.agreement;

/** The role a zone plays in the agreement. */
public enum ZoneRole {
    /** The whole monitored area; fire anywhere in it counts. */
    THEATER,
    /** An area held by one party whose boundary is (part of) the line of contact. */
    HELD_AREA,
    /** Where a peacekeeping force is allowed to be. */
    PEACEKEEPING_ZONE,
    /** A corridor under special control (e.g. Lachin, 5 km wide). */
    CORRIDOR,
    /** A district to be handed over by a deadline. */
    HANDOVER_DISTRICT,
    /** The monitoring center's premises (where observers are confined). */
    PREMISES,
    /** Airspace agreed for a contingent's drones. */
    AIRSPACE,
    /** Anything else (reference outlines, basemap). */
    REFERENCE
}
