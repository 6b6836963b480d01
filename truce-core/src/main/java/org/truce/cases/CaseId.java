package org.truce.cases;

/** Identifier of a case: {@code CASE-} followed by its incident's id. Immutable; compared by value. */
public record CaseId(String value) implements Comparable<CaseId> {
    public CaseId {
        if (value == null || value.isBlank()) throw new IllegalArgumentException("CaseId must not be blank");
    }

    public static CaseId of(String value) {
        return new CaseId(value);
    }

    /** The id of the one case an incident has. */
    public static CaseId forIncident(String incidentId) {
        return new CaseId("CASE-" + incidentId);
    }

    @Override
    public int compareTo(CaseId o) {
        return value.compareTo(o.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
