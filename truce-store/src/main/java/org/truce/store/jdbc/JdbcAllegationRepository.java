package org.truce.store.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.truce.ground.PartyId;
import org.truce.cases.Allegation;
import org.truce.cases.AllegationId;
import org.truce.cases.AllegationRepository;

/**
 * Allegations in table {@code allegations} (body plus party, status and filing time for queries); the numbers
 * behind {@link #nextId} in {@code allegation_counters}, one row per party, incremented under its row lock so ids
 * are unique across processes on one server and never reused after a restart. Thread-safe.
 */
final class JdbcAllegationRepository implements AllegationRepository {
    private static final List<String> COLUMNS = List.of("id", "party_id", "status", "filed_ns", "body");

    private final Jdbc jdbc;
    private final Bodies bodies;

    JdbcAllegationRepository(Jdbc jdbc, Bodies bodies) {
        this.jdbc = jdbc;
        this.bodies = bodies;
    }

    @Override
    public void save(Allegation a) {
        jdbc.upsert("allegations", "id", COLUMNS, a.id().value(), a.filedBy().value(), a.status().name(),
                EpochNanos.of(a.filed(), "allegation filed"), bodies.write(a, Allegation.class));
    }

    @Override
    public Optional<Allegation> find(AllegationId id) {
        return jdbc.first("SELECT id, body FROM allegations WHERE id = ?", this::row, id.value());
    }

    @Override
    public List<Allegation> all() {
        return jdbc.list("SELECT id, body FROM allegations ORDER BY id", this::row);
    }

    @Override
    public AllegationId nextId(PartyId party) {
        // A first allegation of a party races on inserting its counter row: the loser retries and then updates.
        for (int attempt = 1; ; attempt++) {
            try {
                int n = jdbc.transaction("number the next allegation of " + party, c -> {
                    try (PreparedStatement up = c.prepareStatement(
                            "UPDATE allegation_counters SET last_number = last_number + 1 WHERE party_id = ?")) {
                        Jdbc.bind(up, party.value());
                        if (up.executeUpdate() == 0) {
                            try (PreparedStatement ins = c.prepareStatement(
                                    "INSERT INTO allegation_counters (party_id, last_number) VALUES (?, 1)")) {
                                Jdbc.bind(ins, party.value());
                                ins.executeUpdate();
                            }
                            return 1;
                        }
                    }
                    try (PreparedStatement q = c.prepareStatement(
                            "SELECT last_number FROM allegation_counters WHERE party_id = ?")) {
                        Jdbc.bind(q, party.value());
                        try (ResultSet rs = q.executeQuery()) {
                            rs.next();
                            return rs.getInt(1);
                        }
                    }
                });
                return AllegationId.of(String.format("ALG-%s-%04d", party.value(), n));
            } catch (StoreException e) {
                if (attempt >= 3 || !(e.getCause() instanceof SQLException s && "23505".equals(s.getSQLState()))) throw e;
            }
        }
    }

    private Allegation row(ResultSet rs) throws SQLException {
        return bodies.read(rs.getString("body"), Allegation.class, "allegations", rs.getString("id"));
    }
}
