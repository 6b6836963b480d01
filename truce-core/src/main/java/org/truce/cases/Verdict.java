package org.truce.cases;

/** The joint answer of a {@link Finding}. */
public enum Verdict {
    CONFIRMED, NOT_CONFIRMED, INCONCLUSIVE;

    /** The verdict that assessors agreeing on {@code h} reach. */
    public static Verdict of(Happened h) {
        return switch (h) {
            case YES -> CONFIRMED;
            case NO -> NOT_CONFIRMED;
            case UNDETERMINED -> INCONCLUSIVE;
        };
    }
}
