package org.truce.airspace;

import java.util.Objects;

/** A flight plan's id, such as {@code FP-2020-11-20-0003}: the UTC day its window opens and a number. Immutable. */
public record FlightPlanId(String value) {
    public FlightPlanId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) throw new IllegalArgumentException("a flight plan id must not be blank");
    }

    public static FlightPlanId of(String value) {
        return new FlightPlanId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
