package org.truce.cases.memory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.truce.ground.ContingentId;
import org.truce.cases.Action;
import org.truce.cases.AuditEntry;
import org.truce.cases.AuditLog;
import org.truce.cases.Role;

/** {@link AuditLog} in memory, append-only. Thread-safe (synchronized). */
public final class InMemoryAuditLog implements AuditLog {
    private final List<AuditEntry> entries = new ArrayList<>();

    @Override
    public synchronized AuditEntry append(Instant at, String actor, Optional<Role> role, Optional<ContingentId> contingent,
                                          Action action, String subject, String before, String after) {
        AuditEntry e = new AuditEntry(entries.size() + 1, at, actor, role, contingent, action, subject, before, after);
        entries.add(e);
        return e;
    }

    @Override
    public synchronized List<AuditEntry> entries() {
        return List.copyOf(entries);
    }
}
