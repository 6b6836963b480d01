package org.truce.store.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.truce.ground.ContingentId;
import org.truce.cases.Action;
import org.truce.cases.AuditEntry;
import org.truce.cases.AuditLog;
import org.truce.cases.Role;

/**
 * The audit trail in table {@code audit_log}, one column per field. Sequence numbers come from the single row of
 * {@code audit_head}, incremented in the same transaction as the insert: the row lock orders appenders (across
 * processes too) and a rolled-back append leaves no gap. Rows are only ever inserted. Thread-safe.
 */
final class JdbcAuditLog implements AuditLog {
    private static final String COLUMNS =
            "seq, at_ns, actor, role, contingent, action, subject, before_summary, after_summary";

    private final Jdbc jdbc;

    JdbcAuditLog(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public AuditEntry append(Instant at, String actor, Optional<Role> role, Optional<ContingentId> contingent,
                             Action action, String subject, String before, String after) {
        long atNs = EpochNanos.of(at, "audit time");
        return jdbc.transaction("append to the audit trail", c -> {
            try (PreparedStatement up = c.prepareStatement("UPDATE audit_head SET last_seq = last_seq + 1 WHERE id = 1")) {
                if (up.executeUpdate() != 1) throw new SQLException("the audit_head row is missing");
            }
            long seq;
            try (PreparedStatement q = c.prepareStatement("SELECT last_seq FROM audit_head WHERE id = 1");
                 ResultSet rs = q.executeQuery()) {
                rs.next();
                seq = rs.getLong(1);
            }
            AuditEntry e = new AuditEntry(seq, at, actor, role, contingent, action, subject, before, after);
            try (PreparedStatement ins = c.prepareStatement("INSERT INTO audit_log (" + COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                Jdbc.bind(ins, seq, atNs, actor, role.map(Role::name).orElse(null),
                        contingent.map(ContingentId::value).orElse(null), action.name(), subject, before, after);
                ins.executeUpdate();
            }
            return e;
        });
    }

    @Override
    public List<AuditEntry> entries() {
        return jdbc.list("SELECT " + COLUMNS + " FROM audit_log ORDER BY seq", JdbcAuditLog::row);
    }

    @Override
    public List<AuditEntry> about(String subject) {
        return jdbc.list("SELECT " + COLUMNS + " FROM audit_log WHERE subject = ? ORDER BY seq", JdbcAuditLog::row, subject);
    }

    private static AuditEntry row(ResultSet rs) throws SQLException {
        return new AuditEntry(rs.getLong("seq"), EpochNanos.toInstant(rs.getLong("at_ns")), rs.getString("actor"),
                Optional.ofNullable(rs.getString("role")).map(Role::valueOf),
                Optional.ofNullable(rs.getString("contingent")).map(ContingentId::of),
                Action.valueOf(rs.getString("action")), rs.getString("subject"), rs.getString("before_summary"),
                rs.getString("after_summary"));
    }
}
