package org.truce.cases;

/** Identifier of an allegation, e.g. {@code ALG-AM-0007}. Immutable; compared by value. */
public record AllegationId(String value) implements Comparable<AllegationId> {
    public AllegationId {
        if (value == null || value.isBlank()) throw new IllegalArgumentException("AllegationId must not be blank");
    }

    public static AllegationId of(String value) {
        return new AllegationId(value);
    }

    @Override
    public int compareTo(AllegationId o) {
        return value.compareTo(o.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
