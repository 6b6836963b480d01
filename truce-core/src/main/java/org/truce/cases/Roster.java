package org.truce.cases;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.truce.agreement.Agreement;
import org.truce.agreement.Contingent;
import org.truce.ground.ContingentId;
import org.truce.agreement.ParityRule;

/**
 * The staff on duty for one shift, per contingent (user ids). Immutable; a contingent absent from the map has no
 * staff on the shift. Parity is checked by {@link #parityViolation(Agreement)} / {@link #requireParity(Agreement)}.
 *
 * @param start inclusive, UTC
 * @param end   exclusive, UTC, after {@code start}
 */
public record Roster(Instant start, Instant end, Map<ContingentId, List<String>> staff) {
    public Roster {
        Objects.requireNonNull(start); Objects.requireNonNull(end);
        if (!end.isAfter(start)) throw new IllegalArgumentException("roster shift end " + end + " is not after start " + start);
        TreeMap<ContingentId, List<String>> copy = new TreeMap<>();
        staff.forEach((c, people) -> copy.put(c, List.copyOf(people)));
        staff = java.util.Collections.unmodifiableMap(copy);
    }

    /** This roster with {@code contingent}'s part replaced (how each contingent sets its own part). */
    public Roster with(ContingentId contingent, List<String> people) {
        TreeMap<ContingentId, List<String>> copy = new TreeMap<>(staff);
        copy.put(contingent, people);
        return new Roster(start, end, copy);
    }

    public int headcount(ContingentId c) {
        return staff.getOrDefault(c, List.of()).size();
    }

    /** The reason this roster breaks the agreement's parity rule, or empty when it keeps it. */
    public Optional<String> parityViolation(Agreement agreement) {
        ParityRule rule = agreement.parity();
        for (ContingentId c : staff.keySet()) {
            if (agreement.contingent(c).isEmpty()) {
                return Optional.of("roster names contingent " + c + ", which the agreement does not know");
            }
        }
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (var e : staff.entrySet()) {
            for (String person : e.getValue()) {
                if (!seen.add(person)) {
                    return Optional.of("person " + person + " is on the roster twice (last in " + e.getKey() + ")");
                }
            }
        }
        Contingent most = null, least = null;
        for (Contingent c : agreement.contingents()) {
            int n = headcount(c.id());
            if (n > rule.maxStaffPerContingent()) {
                return Optional.of("contingent " + c.id() + " has " + n + " staff on the shift, above the cap of "
                        + rule.maxStaffPerContingent());
            }
            if (most == null || n > headcount(most.id())) most = c;
            if (least == null || n < headcount(least.id())) least = c;
        }
        if (most != null) {
            int diff = headcount(most.id()) - headcount(least.id());
            if (diff > rule.maxStaffDifference()) {
                return Optional.of("contingent " + most.id() + " has " + headcount(most.id()) + " staff and "
                        + least.id() + " has " + headcount(least.id()) + ": difference " + diff
                        + " exceeds the parity limit of " + rule.maxStaffDifference());
            }
        }
        return Optional.empty();
    }

    /** Returns this roster, or throws {@link Refusal} (INVALID) with the reason it breaks parity. */
    public Roster requireParity(Agreement agreement) {
        parityViolation(agreement).ifPresent(reason -> {
            throw new Refusal(Refusal.Kind.INVALID, "roster for " + start + "–" + end + " refused: " + reason);
        });
        return this;
    }
}
