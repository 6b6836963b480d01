package org.truce.store.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.truce.cases.Case;
import org.truce.cases.CaseId;
import org.truce.cases.CaseRepository;
import org.truce.cases.Dissent;
import org.truce.cases.Reconciliation;
import org.truce.cases.Refusal;

/**
 * Cases in table {@code cases}: the body plus the columns queries need (state, incident, deadline, last update)
 * and the version. The version check is done by the database in one statement (an INSERT for version 0, else an
 * UPDATE … WHERE version = read version), so two writers, even in two processes on one server, cannot both
 * replace the same version. Thread-safe.
 */
final class JdbcCaseRepository implements CaseRepository {
    private final Jdbc jdbc;
    private final Bodies bodies;

    JdbcCaseRepository(Jdbc jdbc, Bodies bodies) {
        this.jdbc = jdbc;
        this.bodies = bodies;
    }

    @Override
    public void save(Case c, long readVersion) {
        if (c.version() <= readVersion) {
            throw conflict(c, readVersion, "saving version " + c.version() + " is not newer than the read version");
        }
        String body = bodies.write(c, Case.class);
        long deadline = EpochNanos.of(c.deadline(), "case deadline");
        long updated = EpochNanos.of(updated(c), "case update time");
        if (readVersion == 0) {
            try {
                jdbc.update("INSERT INTO cases (id, incident_id, state, deadline_ns, updated_ns, version, body) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?)", c.id().value(), c.incidentId(), c.state().name(), deadline,
                        updated, c.version(), body);
                return;
            } catch (StoreException e) {
                if (e.getCause() instanceof SQLException s && "23505".equals(s.getSQLState())) {
                    throw conflict(c, readVersion, "the case, or a case of incident " + c.incidentId() + ", is already stored");
                }
                throw e;
            }
        }
        int changed = jdbc.update("UPDATE cases SET state = ?, deadline_ns = ?, updated_ns = ?, version = ?, body = ? "
                + "WHERE id = ? AND version = ?", c.state().name(), deadline, updated, c.version(), body,
                c.id().value(), readVersion);
        if (changed != 1) throw conflict(c, readVersion, "the stored version is not the read version");
    }

    @Override
    public Optional<Case> find(CaseId id) {
        return jdbc.first("SELECT id, body FROM cases WHERE id = ?", this::row, id.value());
    }

    @Override
    public List<Case> all() {
        return jdbc.list("SELECT id, body FROM cases ORDER BY id", this::row);
    }

    private Case row(ResultSet rs) throws SQLException {
        return bodies.read(rs.getString("body"), Case.class, "cases", rs.getString("id"));
    }

    private Refusal conflict(Case c, long readVersion, String why) {
        long stored = jdbc.first("SELECT version FROM cases WHERE id = ?", rs -> rs.getLong(1), c.id().value()).orElse(0L);
        return new Refusal(Refusal.Kind.CONFLICT, "case " + c.id() + " changed meanwhile: read version " + readVersion
                + ", stored version " + stored + ", saving version " + c.version() + " (" + why + ")");
    }

    /** The latest time recorded anywhere in the case: what "updated" means for a query. */
    static Instant updated(Case c) {
        List<Instant> times = new ArrayList<>();
        times.add(c.opened());
        c.assessments().values().forEach(a -> times.add(a.submitted()));
        c.reconciliation().ifPresent(r -> {
            times.add(r.opened());
            r.comments().forEach(k -> times.add(k.at()));
            r.proposal().map(Reconciliation.Proposal::at).ifPresent(times::add);
        });
        c.outcome().filter(Dissent.class::isInstance).map(o -> ((Dissent) o).recorded()).ifPresent(times::add);
        c.approvals().values().forEach(a -> times.add(a.at()));
        c.published().ifPresent(times::add);
        return times.stream().max(Comparator.naturalOrder()).orElseThrow();
    }
}
