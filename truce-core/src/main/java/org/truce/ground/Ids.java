package org.truce.ground;

/** Namespace holder; the id records live in their own files. */
final class Ids {
    private Ids() {}

    static String require(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
        return value;
    }
}
