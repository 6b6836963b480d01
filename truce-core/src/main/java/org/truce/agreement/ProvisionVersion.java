package org.truce.agreement;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One version of a provision: the rules that applied while it was in force.
 *
 * @param version    1, 2, … in order of adoption
 * @param validFrom  first instant this version is in force (inclusive)
 * @param validTo    first instant it is no longer in force (exclusive); empty = open-ended
 * @param adopted    the date the text or amendment was agreed
 * @param source     where this version is documented (text, statement, report)
 * @param rules      machine-checkable rules (may be empty for tracked items)
 */
public record ProvisionVersion(int version, Instant validFrom, Optional<Instant> validTo,
                               LocalDate adopted, String source, String note, List<RuleSpec> rules) {
    public ProvisionVersion {
        if (version < 1) throw new IllegalArgumentException("version < 1");
        Objects.requireNonNull(validFrom, "validFrom");
        Objects.requireNonNull(validTo, "validTo");
        Objects.requireNonNull(adopted, "adopted");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(note, "note");
        rules = List.copyOf(rules);
        if (validTo.isPresent() && !validTo.get().isAfter(validFrom)) {
            throw new IllegalArgumentException("validTo must be after validFrom");
        }
    }

    public boolean inForceAt(Instant t) {
        return !t.isBefore(validFrom) && validTo.map(t::isBefore).orElse(true);
    }
}
