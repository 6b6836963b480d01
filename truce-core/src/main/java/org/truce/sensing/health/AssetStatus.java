package org.truce.sensing.health;

/**
 * The health of an asset's link and reports, as the center sees it.
 */
public enum AssetStatus {
    /** Not heard from yet. */
    UNKNOWN,
    /** Reporting within its expected interval. */
    ONLINE,
    /** Silent for three expected reporting intervals. */
    OFFLINE,
    /** Reporting, but the platform says it is impaired (a MAVLink heartbeat in a critical or emergency state). */
    DEGRADED,
    /** Reported a move faster than the platform can go: a possible spoofed or corrupted position. */
    POSITION_ANOMALY,
    /** The link dropped repeatedly within a short window: probable jamming or interference. */
    PROBABLE_INTERFERENCE
}
