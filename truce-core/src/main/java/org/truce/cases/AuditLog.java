package org.truce.cases;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.truce.ground.ContingentId;

/** Port: the append-only audit trail. Implementations are thread-safe and never change or drop an entry. */
public interface AuditLog {
    /** Appends an entry, assigning the next sequence number; returns the stored entry. */
    AuditEntry append(Instant at, String actor, Optional<Role> role, Optional<ContingentId> contingent, Action action,
                      String subject, String before, String after);

    /** Every entry, oldest first (an immutable copy). */
    List<AuditEntry> entries();

    /** The entries about one subject, oldest first. */
    default List<AuditEntry> about(String subject) {
        return entries().stream().filter(e -> e.subject().equals(subject)).toList();
    }

    /** Appends an entry for something the center did by itself (actor {@code system}). */
    default AuditEntry recordSystem(Instant at, Action action, String subject, String before, String after) {
        return append(at, "system", Optional.empty(), Optional.empty(), action, subject, before, after);
    }

    /** Convenience: appends an entry for {@code who}. */
    default AuditEntry record(Principal who, Instant at, Action action, String subject, String before, String after) {
        return append(at, who.userId(), Optional.of(who.role()), who.contingent(), action, subject, before, after);
    }
}
