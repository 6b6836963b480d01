package org.truce.store.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.truce.airspace.FlightPlan;
import org.truce.airspace.FlightPlanId;
import org.truce.airspace.FlightPlanRepository;
import org.truce.ground.AssetId;

/**
 * Flight plans in table {@code flight_plans} (body plus asset, contingent, status and window for queries); the
 * numbers behind {@link #nextId} in {@code flight_plan_counters}, one row per UTC day, incremented under its row
 * lock so ids are unique across processes on one server and never reused after a restart (migration V5).
 * Thread-safe.
 */
final class JdbcFlightPlanRepository implements FlightPlanRepository {
    private static final List<String> COLUMNS = List.of("id", "asset_id", "contingent", "status", "from_ns", "to_ns", "body");

    private final Jdbc jdbc;
    private final Bodies bodies;

    JdbcFlightPlanRepository(Jdbc jdbc, Bodies bodies) {
        this.jdbc = jdbc;
        this.bodies = bodies;
    }

    @Override
    public void save(FlightPlan p) {
        jdbc.upsert("flight_plans", "id", COLUMNS, p.id().value(), p.asset().value(), p.contingent().value(),
                p.status().name(), EpochNanos.of(p.from(), "flight plan from"), EpochNanos.of(p.to(), "flight plan to"),
                bodies.write(p, FlightPlan.class));
    }

    @Override
    public Optional<FlightPlan> find(FlightPlanId id) {
        return jdbc.first("SELECT id, body FROM flight_plans WHERE id = ?", this::row, id.value());
    }

    @Override
    public List<FlightPlan> all() {
        return jdbc.list("SELECT id, body FROM flight_plans ORDER BY id", this::row);
    }

    @Override
    public List<FlightPlan> query(Optional<Instant> from, Optional<Instant> to, Optional<AssetId> asset) {
        StringBuilder sql = new StringBuilder("SELECT id, body FROM flight_plans WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        from.ifPresent(t -> {
            sql.append(" AND to_ns > ?");
            params.add(EpochNanos.of(t, "from"));
        });
        to.ifPresent(t -> {
            sql.append(" AND from_ns <= ?");
            params.add(EpochNanos.of(t, "to"));
        });
        asset.ifPresent(a -> {
            sql.append(" AND asset_id = ?");
            params.add(a.value());
        });
        return jdbc.list(sql.append(" ORDER BY id").toString(), this::row, params.toArray());
    }

    @Override
    public FlightPlanId nextId(LocalDate day) {
        String key = day.toString();
        // The first plan of a day races on inserting its counter row: the loser retries and then updates.
        for (int attempt = 1; ; attempt++) {
            try {
                int n = jdbc.transaction("number the next flight plan of " + key, c -> {
                    try (PreparedStatement up = c.prepareStatement(
                            "UPDATE flight_plan_counters SET last_number = last_number + 1 WHERE utc_day = ?")) {
                        Jdbc.bind(up, key);
                        if (up.executeUpdate() == 0) {
                            try (PreparedStatement ins = c.prepareStatement(
                                    "INSERT INTO flight_plan_counters (utc_day, last_number) VALUES (?, 1)")) {
                                Jdbc.bind(ins, key);
                                ins.executeUpdate();
                            }
                            return 1;
                        }
                    }
                    try (PreparedStatement q = c.prepareStatement("SELECT last_number FROM flight_plan_counters WHERE utc_day = ?")) {
                        Jdbc.bind(q, key);
                        try (ResultSet rs = q.executeQuery()) {
                            rs.next();
                            return rs.getInt(1);
                        }
                    }
                });
                return FlightPlanId.of(String.format("FP-%s-%04d", key, n));
            } catch (StoreException e) {
                if (attempt >= 3 || !(e.getCause() instanceof SQLException s && "23505".equals(s.getSQLState()))) throw e;
            }
        }
    }

    private FlightPlan row(ResultSet rs) throws SQLException {
        return bodies.read(rs.getString("body"), FlightPlan.class, "flight_plans", rs.getString("id"));
    }
}
