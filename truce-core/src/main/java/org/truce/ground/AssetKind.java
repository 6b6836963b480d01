package org.truce.ground;

/** Kinds of sensor platform a contingent owns. */
public enum AssetKind {
    DRONE, CAMERA, ACOUSTIC_ARRAY, OBSERVATION_POST,
    /** A position beacon carried by a team of observers (for restricted-movement rules). */
    STAFF_BEACON
}
