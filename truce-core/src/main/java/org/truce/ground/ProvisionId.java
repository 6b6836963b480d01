package org.truce.ground;

/** Identifier of a provision; matches the paragraph of the text, e.g. ¶6. Immutable; compared by value. */
public record ProvisionId(String value) implements Comparable<ProvisionId> {
    public ProvisionId {
        Ids.require(value, "ProvisionId");
    }

    public static ProvisionId of(String value) {
        return new ProvisionId(value);
    }

    @Override
    public int compareTo(ProvisionId o) {
        return value.compareTo(o.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
