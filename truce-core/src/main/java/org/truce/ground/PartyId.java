package org.truce.ground;

/** Identifier of a party, e.g. AM, AZ, RU-PK. Immutable; compared by value. */
public record PartyId(String value) implements Comparable<PartyId> {
    public PartyId {
        Ids.require(value, "PartyId");
    }

    public static PartyId of(String value) {
        return new PartyId(value);
    }

    @Override
    public int compareTo(PartyId o) {
        return value.compareTo(o.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
