package org.truce.store.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.truce.rules.Incident;
import org.truce.store.IncidentQuery;
import org.truce.store.IncidentRepository;
import org.truce.store.Page;

/**
 * Incidents in table {@code incidents}: the body plus one indexed column per {@link IncidentQuery} filter.
 * Ordered by start, then id. Thread-safe.
 */
final class JdbcIncidentRepository implements IncidentRepository {
    private static final List<String> COLUMNS =
            List.of("id", "start_ns", "end_ns", "rule_type", "zone_id", "party_id", "provision_id", "state", "body");
    private static final String ORDER = " ORDER BY start_ns, id";

    private final Jdbc jdbc;
    private final Bodies bodies;

    JdbcIncidentRepository(Jdbc jdbc, Bodies bodies) {
        this.jdbc = jdbc;
        this.bodies = bodies;
    }

    @Override
    public void save(Incident i) {
        jdbc.upsert("incidents", "id", COLUMNS, row(i));
    }

    /** One transaction, one JDBC batch; an incident listed twice is written once, as its last state. */
    @Override
    public void saveAll(List<Incident> incidents) {
        Map<String, Object[]> last = new LinkedHashMap<>();
        for (Incident i : incidents) last.put(i.id(), row(i));
        jdbc.upsertAll("incidents", "id", COLUMNS, List.copyOf(last.values()));
    }

    private Object[] row(Incident i) {
        return new Object[] {i.id(), EpochNanos.of(i.start(), "start of incident " + i.id()),
                EpochNanos.of(i.end(), "end of incident " + i.id()), i.ruleType(), i.zone().value(),
                i.party().map(p -> p.value()).orElse(null), i.provision().value(), i.state().name(),
                bodies.write(i, Incident.class)};
    }

    @Override
    public Optional<Incident> find(String id) {
        return jdbc.first("SELECT id, body FROM incidents WHERE id = ?", this::row, id);
    }

    @Override
    public Page<Incident> query(IncidentQuery q) {
        List<String> where = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        // [start, end] overlaps [from, to) when end >= from and start < to.
        q.from().ifPresent(f -> { where.add("end_ns >= ?"); params.add(EpochNanos.of(f, "from")); });
        q.to().ifPresent(t -> { where.add("start_ns < ?"); params.add(EpochNanos.of(t, "to")); });
        q.ruleType().ifPresent(v -> { where.add("rule_type = ?"); params.add(v); });
        q.zone().ifPresent(v -> { where.add("zone_id = ?"); params.add(v.value()); });
        q.party().ifPresent(v -> { where.add("party_id = ?"); params.add(v.value()); });
        q.provision().ifPresent(v -> { where.add("provision_id = ?"); params.add(v.value()); });
        q.state().ifPresent(v -> { where.add("state = ?"); params.add(v.name()); });
        String filter = where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where);

        long total = jdbc.count("SELECT COUNT(*) FROM incidents" + filter, params.toArray());
        List<Object> paged = new ArrayList<>(params);
        paged.add(q.offset());
        paged.add(q.limit());
        List<Incident> items = jdbc.list("SELECT id, body FROM incidents" + filter + ORDER
                + " OFFSET ? ROWS FETCH NEXT ? ROWS ONLY", this::row, paged.toArray());
        return new Page<>(items, total, q.offset(), q.limit());
    }

    @Override
    public long count() {
        return jdbc.count("SELECT COUNT(*) FROM incidents");
    }

    @Override
    public List<Incident> all() {
        return jdbc.list("SELECT id, body FROM incidents" + ORDER, this::row);
    }

    private Incident row(ResultSet rs) throws SQLException {
        return bodies.read(rs.getString("body"), Incident.class, "incidents", rs.getString("id"));
    }
}
