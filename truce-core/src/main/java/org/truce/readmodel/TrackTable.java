package org.truce.readmodel;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import org.locationtech.jts.geom.Envelope;
import org.truce.fusion.Track;
import org.truce.pipeline.CenterEvent;
import org.truce.pipeline.CenterListener;
import org.truce.store.TrackRepository;

/**
 * Read model: the latest state of every track updated within {@link #retention()} of the newest update, indexed by
 * update time (for {@code /api/tracks?since=}) and by place (for OGC {@code bbox}). Answers as
 * {@link TrackRepository#updatedSince}: tracks updated at or after an instant, ordered by id.
 *
 * <p>Older tracks are dropped to bound memory; {@link #horizon()} is the earliest {@code since} answered from
 * memory, and an earlier one is passed to the store's track projection (indexed by time), so the answer is exact
 * either way. Kept up to date as a {@link CenterListener} ({@link CenterEvent.TrackUpdated}); {@link #seed} loads
 * the tracks updated within the retention before the center's clock from the store (an indexed time range, not the
 * log).
 *
 * <p>Thread-safety: one writer (the pipeline's thread, or the seeding thread before that) and any number of
 * readers; a reader never blocks the writer. A reader racing an update of one track sees its old or new state.
 * Memory: the tracks updated within the retention (one {@link Track} and three small index entries each).
 */
public final class TrackTable implements CenterListener {
    private record Stamp(Instant time, String id) implements Comparable<Stamp> {
        private static final Comparator<Stamp> ORDER = Comparator.comparing(Stamp::time).thenComparing(Stamp::id);

        @Override
        public int compareTo(Stamp o) {
            return ORDER.compare(this, o);
        }
    }

    private static final Comparator<Track> BY_ID = Comparator.comparing(Track::id);

    private final TrackRepository store;
    private final Duration retention;
    private final Map<String, Track> byId = new ConcurrentHashMap<>();
    private final NavigableSet<Stamp> byTime = new ConcurrentSkipListSet<>();
    private final GridIndex<String> places;
    private final SeedGate<Track> gate = new SeedGate<>(this::apply);
    private volatile Instant horizon = Instant.MAX;
    /** The latest cutoff below which tracks were dropped (written by the one writer only). */
    private Instant dropped = Instant.MIN;

    /**
     * @param store         the track projection, for {@code since} before the horizon
     * @param retention     how far behind the newest update a track is still held in memory (positive)
     * @param cellDegrees   side of the spatial index's cells in degrees
     */
    public TrackTable(TrackRepository store, Duration retention, double cellDegrees) {
        this.store = Objects.requireNonNull(store, "store");
        if (retention.isNegative() || retention.isZero()) throw new IllegalArgumentException("retention must be > 0");
        this.retention = retention;
        this.places = new GridIndex<>(cellDegrees);
    }

    /** Loads the tracks updated at or after {@code now − retention} from the store; once, before serving. */
    public void seed(Instant now) {
        Instant from = now.minus(retention);
        gate.seed(() -> {
            store.updatedSince(from).forEach(this::apply);
            horizon = dropped.isAfter(from) ? dropped : from;
        });
    }

    @Override
    public void on(CenterEvent event) {
        if (event instanceof CenterEvent.TrackUpdated(Track t)) gate.offer(t);
    }

    public Duration retention() {
        return retention;
    }

    /** The earliest {@code since} answered from memory ({@link Instant#MAX} until seeded). */
    public Instant horizon() {
        return horizon;
    }

    /** Number of tracks held in memory. */
    public int size() {
        return byId.size();
    }

    public Optional<Track> find(String id) {
        Track t = byId.get(id);
        return t != null ? Optional.of(t) : store.find(id);
    }

    /** Tracks updated at or after {@code since}, ordered by id (from the store when before {@link #horizon()}). */
    public List<Track> updatedSince(Instant since) {
        if (since.isBefore(horizon)) return store.updatedSince(since);
        List<Track> out = new ArrayList<>();
        for (Stamp s : byTime.tailSet(new Stamp(since, ""), true)) {
            Track t = byId.get(s.id());
            // A stamp whose track moved on (or was dropped) is stale: the current state has its own stamp.
            if (t != null && t.time().equals(s.time())) out.add(t);
        }
        out.sort(BY_ID);
        return out;
    }

    /**
     * Tracks updated at or after {@code since} whose position lies in {@code box} (closed), ordered by id; only
     * from memory, so {@code since} must not be before {@link #horizon()}.
     */
    public List<Track> inBox(Envelope box, Instant since) {
        if (since.isBefore(horizon)) {
            throw new IllegalArgumentException("since " + since + " is before the read model's horizon " + horizon);
        }
        List<Track> out = new ArrayList<>();
        for (String id : places.query(box)) {
            Track t = byId.get(id);
            if (t != null && !t.time().isBefore(since) && box.intersects(envelope(t))) out.add(t);
        }
        out.sort(BY_ID);
        return out;
    }

    /** The lon/lat envelope (a point) of a track's position. */
    public static Envelope envelope(Track t) {
        return new Envelope(t.position().lon(), t.position().lon(), t.position().lat(), t.position().lat());
    }

    private void apply(Track t) {
        Track old = byId.put(t.id(), t);
        byTime.add(new Stamp(t.time(), t.id()));
        if (old != null && !old.time().equals(t.time())) byTime.remove(new Stamp(old.time(), old.id()));
        places.put(t.id(), envelope(t));
        evict();
    }

    /** Drops tracks updated more than the retention before the newest update, and moves the horizon past them. */
    private void evict() {
        Instant cutoff = byTime.last().time().minus(retention);
        boolean raised = false;
        Stamp first;
        while (!byTime.isEmpty() && (first = byTime.first()).time().isBefore(cutoff)) {
            if (!raised) {
                // The horizon moves first: a reader asking for an earlier since then goes to the store, never to a gap.
                raised = true;
                if (cutoff.isAfter(dropped)) dropped = cutoff;
                if (horizon != Instant.MAX && cutoff.isAfter(horizon)) horizon = cutoff;
            }
            byTime.remove(first);
            byId.remove(first.id());
            places.remove(first.id());
        }
    }
}
