package org.truce.sensing;

/** Argument checks shared by the observation records; messages name the field. */
final class Checks {
    private Checks() {}

    static void finite(double v, String field) {
        if (!Double.isFinite(v)) throw new IllegalArgumentException(field + " must be a finite number, was " + v);
    }

    static void nonNegative(double v, String field) {
        if (!(v >= 0) || Double.isInfinite(v)) throw new IllegalArgumentException(field + " must be >= 0, was " + v);
    }

    static void probability(double v, String field) {
        if (!(v >= 0 && v <= 1)) throw new IllegalArgumentException(field + " must be in [0, 1], was " + v);
    }
}
