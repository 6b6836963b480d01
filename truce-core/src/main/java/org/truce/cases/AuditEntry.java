package org.truce.cases;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.truce.ground.ContingentId;

/**
 * One action taken at the center: who, when, what, on which subject, and the subject's state before and after
 * (a content-free summary such as {@link Case#summary()}). Immutable; appended, never edited.
 *
 * @param seq     1-based position in the trail, assigned by the {@link AuditLog}
 * @param subject the case, allegation, roster or lock acted on
 * @param role    empty for the center itself (e.g. deadlines applied by the clock)
 * @param before  summary before the action ("-" when the subject did not exist)
 */
public record AuditEntry(long seq, Instant at, String actor, Optional<Role> role, Optional<ContingentId> contingent,
                         Action action, String subject, String before, String after) {
    public AuditEntry {
        Objects.requireNonNull(at); Objects.requireNonNull(actor); Objects.requireNonNull(role);
        Objects.requireNonNull(contingent); Objects.requireNonNull(action); Objects.requireNonNull(subject);
        Objects.requireNonNull(before); Objects.requireNonNull(after);
    }
}
