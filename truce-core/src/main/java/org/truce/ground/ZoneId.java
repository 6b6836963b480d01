package org.truce.ground;

/** Identifier of a zone of an agreement, e.g. lachin-corridor. Immutable; compared by value. */
public record ZoneId(String value) implements Comparable<ZoneId> {
    public ZoneId {
        Ids.require(value, "ZoneId");
    }

    public static ZoneId of(String value) {
        return new ZoneId(value);
    }

    @Override
    public int compareTo(ZoneId o) {
        return value.compareTo(o.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
