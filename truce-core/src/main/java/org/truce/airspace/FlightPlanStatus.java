package org.truce.airspace;

/** Where a flight plan stands. A plan is filed once and may be cancelled once; it is never edited otherwise. */
public enum FlightPlanStatus {
    /** Filed by the asset's contingent: the flight is planned. */
    FILED,
    /** Withdrawn by the asset's contingent before its window ended; kept, and logged, as a record. */
    CANCELLED
}
