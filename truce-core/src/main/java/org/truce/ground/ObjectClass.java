package org.truce.ground;

/**
 * What kind of ground object a detection or track is. {@link #PERSONNEL} counts people,
 * the others count vehicles or units. {@link #UNKNOWN} is a detection that could not be classified.
 */
public enum ObjectClass {
    TANK, APC, ARTILLERY, TRUCK, INFANTRY, PERSONNEL, CIVILIAN_VEHICLE, UNKNOWN;

    /** Whether the object counts as armed forces for corridor and withdrawal rules. */
    public boolean armed() {
        return this != CIVILIAN_VEHICLE && this != UNKNOWN;
    }

    /** Whether the object is a vehicle (counted against a vehicle cap). */
    public boolean vehicle() {
        return this == TANK || this == APC || this == ARTILLERY || this == TRUCK || this == CIVILIAN_VEHICLE;
    }
}
