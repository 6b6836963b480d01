package org.truce.rules;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.truce.agreement.ZoneIndex;

/**
 * The incident lifecycle. Violations with the same (rule, subject) while an incident is open make that incident
 * grow (end, place, party and evidence updated, same id); it closes after {@code idleClose} without new evidence,
 * or when a violation starts a new episode. Ids are {@code INC-yyyy-MM-dd-NNNN}, numbered per UTC day of start in
 * order of opening, so the same violations in the same order give the same incidents.
 *
 * <p>Evidence is bounded: the first {@value #EVIDENCE_HEAD} and the last {@value #EVIDENCE_TAIL} observation ids
 * are kept; the summary states the total. Not thread-safe.
 */
public final class IncidentBook {
    static final int EVIDENCE_HEAD = 20;
    static final int EVIDENCE_TAIL = 80;

    private record Key(String rule, String subject) { }

    private static final class Open {
        final String id;
        final Instant start;
        final int version;
        Instant end;
        Violation latest;
        final List<String> head = new ArrayList<>();
        final Deque<String> tail = new ArrayDeque<>();
        long total;
        String lastId;

        Open(String id, Violation v) {
            this(id, v.time(), v.binding().version(), v);
        }

        private Open(String id, Instant start, int version, Violation latest) {
            this.id = id;
            this.start = start;
            this.version = version;
            this.end = start;
            this.latest = latest;
        }

        void add(Violation v) {
            if (v.time().isAfter(end)) end = v.time();
            latest = v;
            String obs = v.observationId();
            if (obs.equals(lastId)) return;
            lastId = obs;
            total++;
            if (head.size() < EVIDENCE_HEAD) head.add(obs);
            else {
                tail.addLast(obs);
                if (tail.size() > EVIDENCE_TAIL) tail.removeFirst();
            }
        }

        Incident toIncident(IncidentState state) {
            List<String> evidence = new ArrayList<>(head);
            evidence.addAll(tail);
            Violation v = latest;
            String summary = v.description() + "; " + total + (total == 1 ? " observation" : " observations");
            Instant s = start.isAfter(end) ? end : start;
            // A located fire event states its own 95 % radius (an ellipse's semi-major axis, a sensor's range).
            double r95 = v.fire().map(FireLocation::uncertaintyM).orElse(v.sigmaM() * ZoneIndex.R95_PER_SIGMA);
            return new Incident(id, v.binding().provision().id(), version, v.binding().rule().id(),
                    v.binding().rule().type(), v.binding().zone(), s, end, v.place(), r95, v.party(),
                    v.attributionConfidence(), v.subject(), summary, state, evidence, v.fire());
        }

        Open copy() {
            Open c = new Open(id, start, version, latest);
            c.end = end;
            c.head.addAll(head);
            c.tail.addAll(tail);
            c.total = total;
            c.lastId = lastId;
            return c;
        }
    }

    private final Duration idleClose;
    private final Map<Key, Open> open = new LinkedHashMap<>();
    private final Map<LocalDate, Integer> perDay = new HashMap<>();

    /**
     * The book's whole state: the open incidents by (rule, subject) in opening order, and how many incidents each UTC
     * day has numbered. Immutable: private copies nothing mutates; {@link #restore} copies them again.
     */
    public static final class Snapshot {
        private final Map<Key, Open> open;
        private final Map<LocalDate, Integer> perDay;

        private Snapshot(Map<Key, Open> open, Map<LocalDate, Integer> perDay) {
            this.open = copy(open);
            this.perDay = Map.copyOf(perDay);
        }

        /** The open incidents' count. */
        public int openCount() {
            return open.size();
        }
    }

    private static Map<Key, Open> copy(Map<Key, Open> from) {
        Map<Key, Open> to = new LinkedHashMap<>();
        from.forEach((k, v) -> to.put(k, v.copy()));
        return to;
    }

    /** The book's whole state, as an immutable value. */
    public Snapshot snapshot() {
        return new Snapshot(open, perDay);
    }

    /** Puts this book (of the same idle-close) into the state of {@code s}. */
    public void restore(Snapshot s) {
        Objects.requireNonNull(s, "snapshot");
        open.clear();
        open.putAll(copy(s.open));
        perDay.clear();
        perDay.putAll(s.perDay);
    }

    public IncidentBook(Duration idleClose) {
        this.idleClose = Objects.requireNonNull(idleClose);
        if (idleClose.isNegative() || idleClose.isZero()) throw new IllegalArgumentException("idleClose must be > 0");
    }

    /** Records one violation; returns the incident records it produced (a closing, then an opening or growth). */
    public List<IncidentChange> record(Violation v) {
        List<IncidentChange> out = new ArrayList<>();
        Key key = new Key(v.binding().rule().id().value(), v.subject());
        Open o = open.get(key);
        if (o != null && (v.newEpisode() || !v.time().isBefore(o.end.plus(idleClose)))) {
            open.remove(key);
            out.add(new IncidentChange(o.toIncident(IncidentState.CLOSED), false));
            o = null;
        }
        if (o == null) {
            o = new Open(nextId(v.time()), v);
            open.put(key, o);
            o.add(v);
            out.add(new IncidentChange(o.toIncident(IncidentState.OPEN), true));
        } else {
            o.add(v);
            out.add(new IncidentChange(o.toIncident(IncidentState.OPEN), false));
        }
        return out;
    }

    /** Closes every open incident without new evidence for at least {@code idleClose} by {@code now}, in opening order. */
    public List<IncidentChange> closeIdle(Instant now) {
        List<IncidentChange> out = new ArrayList<>();
        for (Iterator<Open> it = open.values().iterator(); it.hasNext(); ) {
            Open o = it.next();
            if (!now.isBefore(o.end.plus(idleClose))) {
                it.remove();
                out.add(new IncidentChange(o.toIncident(IncidentState.CLOSED), false));
            }
        }
        return out;
    }

    /** The open incidents, in opening order. */
    public List<Incident> open() {
        return open.values().stream().map(o -> o.toIncident(IncidentState.OPEN)).toList();
    }

    private String nextId(Instant start) {
        LocalDate day = LocalDate.ofInstant(start, ZoneOffset.UTC);
        int n = perDay.merge(day, 1, Integer::sum);
        return String.format(java.util.Locale.ROOT, "INC-%s-%04d", day, n);
    }
}
