package org.truce.ground;

/** Identifier of a monitoring contingent, e.g. RU, TR. Immutable; compared by value. */
public record ContingentId(String value) implements Comparable<ContingentId> {
    public ContingentId {
        Ids.require(value, "ContingentId");
    }

    public static ContingentId of(String value) {
        return new ContingentId(value);
    }

    @Override
    public int compareTo(ContingentId o) {
        return value.compareTo(o.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
