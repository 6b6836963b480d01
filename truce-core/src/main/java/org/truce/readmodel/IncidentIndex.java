package org.truce.readmodel;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import org.locationtech.jts.geom.Envelope;
import org.truce.pipeline.CenterEvent;
import org.truce.pipeline.CenterListener;
import org.truce.rules.Incident;
import org.truce.store.IncidentQuery;
import org.truce.store.IncidentRepository;
import org.truce.store.Page;

/**
 * Read model: every incident as the pipeline last wrote it, indexed by start (the order queries page in), by rule
 * type, zone, party, provision and state (postings of ids) and by place ({@link GridIndex}), for
 * {@code /api/incidents}, {@code /api/incidents/{id}} and the OGC {@code incidents} collection. {@link #query}
 * answers exactly as {@link IncidentRepository#query}: the same items in the same order (start, then id) and the
 * same {@code total}, with no database round trip and no table scan when a filter narrows the candidates.
 *
 * <p>Kept up to date as a {@link CenterListener} ({@link CenterEvent.IncidentChanged}); {@link #seed} loads the
 * incident projection once at start-up (incidents are few against observations: thousands a month, not
 * millions; the log is never read).
 *
 * <p>Thread-safety: one writer (the pipeline's thread, or the seeding thread before that) and any number of
 * readers, who never block it. Each index is updated new-entry-first and every candidate is re-checked against
 * the incident's current state, so a reader racing an update sees each incident in its old or its new state,
 * never one it did not have; a {@code total} may be off by that one incident for that one request.
 * Memory: every incident, plus about seven small index entries each.
 */
public final class IncidentIndex implements CenterListener {
    /** The order of every answer: start, then id (as the repositories order). */
    public static final Comparator<Incident> ORDER = Comparator.comparing(Incident::start).thenComparing(Incident::id);

    private record Key(Instant start, String id) implements Comparable<Key> {
        private static final Comparator<Key> KEYS = Comparator.comparing(Key::start).thenComparing(Key::id);

        static Key of(Incident i) {
            return new Key(i.start(), i.id());
        }

        @Override
        public int compareTo(Key o) {
            return KEYS.compare(this, o);
        }
    }

    /** Ids by the value of one filtered field. */
    private static final class Postings {
        private final Map<Object, Set<String>> ids = new ConcurrentHashMap<>();

        void add(Object value, String id) {
            ids.computeIfAbsent(value, v -> ConcurrentHashMap.newKeySet()).add(id);
        }

        void remove(Object value, String id) {
            ids.computeIfPresent(value, (v, set) -> {
                set.remove(id);
                return set.isEmpty() ? null : set;
            });
        }

        Set<String> of(Object value) {
            return ids.getOrDefault(value, Set.of());
        }
    }

    private final Map<String, Incident> byId = new ConcurrentHashMap<>();
    private final ConcurrentNavigableMap<Key, String> byStart = new ConcurrentSkipListMap<>();
    private final Postings ruleTypes = new Postings();
    private final Postings zones = new Postings();
    private final Postings parties = new Postings();
    private final Postings provisions = new Postings();
    private final Postings states = new Postings();
    private final GridIndex<String> places;
    private final SeedGate<Incident> gate = new SeedGate<>(this::apply);

    /** @param cellDegrees side of the spatial index's cells in degrees */
    public IncidentIndex(double cellDegrees) {
        this.places = new GridIndex<>(cellDegrees);
    }

    /** Loads every stored incident; once, before serving. */
    public void seed(IncidentRepository store) {
        gate.seed(() -> store.all().forEach(this::apply));
    }

    @Override
    public void on(CenterEvent event) {
        if (event instanceof CenterEvent.IncidentChanged c) gate.offer(c.incident());
    }

    public long count() {
        return byId.size();
    }

    public Optional<Incident> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The incidents matching {@code q}, paged: as {@link IncidentRepository#query}. */
    public Page<Incident> query(IncidentQuery q) {
        Objects.requireNonNull(q, "query");
        List<Set<String>> narrowed = new ArrayList<>();
        q.ruleType().ifPresent(v -> narrowed.add(ruleTypes.of(v)));
        q.zone().ifPresent(v -> narrowed.add(zones.of(v)));
        q.party().ifPresent(v -> narrowed.add(parties.of(v)));
        q.provision().ifPresent(v -> narrowed.add(provisions.of(v)));
        q.state().ifPresent(v -> narrowed.add(states.of(v)));
        if (!narrowed.isEmpty()) {
            Set<String> fewest = narrowed.stream().min(Comparator.comparingInt(Set::size)).orElseThrow();
            List<Incident> hits = new ArrayList<>();
            for (String id : fewest) {
                Incident i = byId.get(id);
                if (i != null && matches(i, q)) hits.add(i);
            }
            hits.sort(ORDER);
            return page(hits, hits.size(), q);
        }
        boolean timed = q.from().isPresent() || q.to().isPresent();
        // Incidents starting at or after 'to' cannot overlap [from, to): stop the walk there.
        Map<Key, String> range = q.to().isPresent() ? byStart.headMap(new Key(q.to().get(), ""), false) : byStart;
        List<Incident> items = new ArrayList<>();
        long total = 0;
        long end = (long) q.offset() + q.limit();
        for (Map.Entry<Key, String> e : range.entrySet()) {
            Incident i = current(e);
            if (i == null || !matches(i, q)) continue;
            if (total >= q.offset() && total < end) items.add(i);
            total++;
            // Without filters every held incident matches: the count is known, stop once the page is full.
            if (!timed && total >= end) {
                total = Math.max(total, byId.size());
                break;
            }
        }
        return new Page<>(items, total, q.offset(), q.limit());
    }

    /** Every incident, ordered by start then id. */
    public List<Incident> all() {
        List<Incident> out = new ArrayList<>(byId.size());
        for (Map.Entry<Key, String> e : byStart.entrySet()) {
            Incident i = current(e);
            if (i != null) out.add(i);
        }
        return out;
    }

    /** The incidents whose place lies in {@code box} (closed), ordered by start then id. */
    public List<Incident> inBox(Envelope box) {
        List<Incident> out = new ArrayList<>();
        for (String id : places.query(box)) {
            Incident i = byId.get(id);
            if (i != null && box.intersects(envelope(i))) out.add(i);
        }
        out.sort(ORDER);
        return out;
    }

    /** The lon/lat envelope (a point) of an incident's place. */
    public static Envelope envelope(Incident i) {
        return new Envelope(i.place().lon(), i.place().lon(), i.place().lat(), i.place().lat());
    }

    /** The incident an index entry stands for, or null when the entry is stale (the incident's start moved). */
    private Incident current(Map.Entry<Key, String> e) {
        Incident i = byId.get(e.getValue());
        return i != null && i.start().equals(e.getKey().start()) ? i : null;
    }

    /** The repositories' filter: [start, end] overlaps [from, to), and every given field is equal. */
    static boolean matches(Incident i, IncidentQuery q) {
        return q.from().map(f -> !i.end().isBefore(f)).orElse(true)
                && q.to().map(t -> i.start().isBefore(t)).orElse(true)
                && q.ruleType().map(i.ruleType()::equals).orElse(true)
                && q.zone().map(i.zone()::equals).orElse(true)
                && q.party().map(p -> i.party().map(p::equals).orElse(false)).orElse(true)
                && q.provision().map(i.provision()::equals).orElse(true)
                && q.state().map(i.state()::equals).orElse(true);
    }

    private static Page<Incident> page(List<Incident> hits, long total, IncidentQuery q) {
        int from = Math.min(q.offset(), hits.size());
        int to = (int) Math.min(hits.size(), (long) from + q.limit());
        return new Page<>(hits.subList(from, to), total, q.offset(), q.limit());
    }

    private void apply(Incident i) {
        Incident old = byId.put(i.id(), i);
        byStart.put(Key.of(i), i.id());
        ruleTypes.add(i.ruleType(), i.id());
        zones.add(i.zone(), i.id());
        i.party().ifPresent(p -> parties.add(p, i.id()));
        provisions.add(i.provision(), i.id());
        states.add(i.state(), i.id());
        places.put(i.id(), envelope(i));
        if (old == null) return;
        if (!old.start().equals(i.start())) byStart.remove(Key.of(old));
        if (!old.ruleType().equals(i.ruleType())) ruleTypes.remove(old.ruleType(), i.id());
        if (!old.zone().equals(i.zone())) zones.remove(old.zone(), i.id());
        if (old.party().isPresent() && !old.party().equals(i.party())) parties.remove(old.party().get(), i.id());
        if (!old.provision().equals(i.provision())) provisions.remove(old.provision(), i.id());
        if (old.state() != i.state()) states.remove(old.state(), i.id());
    }
}
