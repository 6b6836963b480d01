package org.truce.server.auth;

/**
 * Who may read the center's operational data: observations, tracks, incidents, assets, coverage, metrics and the
 * live feed. Published material (findings, zones, the agreement, the transparency log) is public in both modes.
 */
public enum OperationalData {
    /** Anyone, signed in or not: for a simulated demo, where the data describes no real forces. */
    PUBLIC,
    /** Staff of the contingents and auditors only: for a center watching real sensors. */
    STAFF_AND_AUDITORS
}
