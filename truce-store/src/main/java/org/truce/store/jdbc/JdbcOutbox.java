package org.truce.store.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.truce.ground.PartyId;
import org.truce.cases.AllegationId;
import org.truce.cases.AllegationStatus;
import org.truce.cases.Notification;
import org.truce.cases.NotificationOutbox;

/** The parties' notifications in table {@code notifications}, in insertion order; rows only inserted. Thread-safe. */
final class JdbcOutbox implements NotificationOutbox {
    private static final String COLUMNS = "recipient, allegation_id, status, at_ns, message";

    private final Jdbc jdbc;

    JdbcOutbox(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void add(Notification n) {
        jdbc.update("INSERT INTO notifications (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?)", n.recipient().value(),
                n.allegation().value(), n.status().name(), EpochNanos.of(n.at(), "notification time"), n.message());
    }

    @Override
    public List<Notification> forParty(PartyId party) {
        return jdbc.list("SELECT " + COLUMNS + " FROM notifications WHERE recipient = ? ORDER BY seq", JdbcOutbox::row,
                party.value());
    }

    @Override
    public List<Notification> all() {
        return jdbc.list("SELECT " + COLUMNS + " FROM notifications ORDER BY seq", JdbcOutbox::row);
    }

    private static Notification row(ResultSet rs) throws SQLException {
        return new Notification(PartyId.of(rs.getString("recipient")), AllegationId.of(rs.getString("allegation_id")),
                AllegationStatus.valueOf(rs.getString("status")), EpochNanos.toInstant(rs.getLong("at_ns")),
                rs.getString("message"));
    }
}
