package org.truce.ground;

/** Identifier of a machine-checkable rule compiled from a provision, e.g. p6-kalbajar-withdrawal. Immutable; compared by value. */
public record RuleId(String value) implements Comparable<RuleId> {
    public RuleId {
        Ids.require(value, "RuleId");
    }

    public static RuleId of(String value) {
        return new RuleId(value);
    }

    @Override
    public int compareTo(RuleId o) {
        return value.compareTo(o.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
