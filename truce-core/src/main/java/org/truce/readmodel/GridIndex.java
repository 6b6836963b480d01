package org.truce.readmodel;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.locationtech.jts.geom.Envelope;

/**
 * A spatial index of keyed lon/lat envelopes on a fixed grid of square cells, for the read models' {@code bbox}
 * queries. Unlike JTS {@code STRtree} it takes inserts, moves and removals at any time, so it can follow the
 * pipeline; a query visits only the cells the box covers (or, for a box larger than the occupied area, only the
 * occupied cells), so its cost grows with what lies in the box, not with the history.
 *
 * <p>An entry is filed in every cell its envelope touches; one that would touch more than {@link #MAX_CELLS}
 * cells (a large polygon) is kept in a short list that every query checks. {@link #query} answers exactly: the
 * keys whose current envelope intersects the box (closed intervals, as {@link Envelope#intersects(Envelope)}).
 *
 * <p>Thread-safety: one writer ({@link #put}, {@link #remove}) and any number of concurrent readers. A reader
 * racing a move may miss the moving entry or see it at either place, never at a place it never had.
 * Memory: one envelope per key plus one set entry per occupied cell and key.
 *
 * @param <K> the key (an id); must have value equality
 */
public final class GridIndex<K> {
    /** Entries touching more cells than this go to the list of large entries. */
    static final int MAX_CELLS = 64;

    private final double cell;
    private final Map<K, Envelope> where = new ConcurrentHashMap<>();
    private final Map<Long, Set<K>> cells = new ConcurrentHashMap<>();
    private final Set<K> large = ConcurrentHashMap.newKeySet();

    /** @param cellDegrees the side of a cell in degrees, in (0, 90] (e.g. 0.05: about 5 km) */
    public GridIndex(double cellDegrees) {
        if (!(cellDegrees > 0 && cellDegrees <= 90)) {
            throw new IllegalArgumentException("cellDegrees must be in (0, 90], was " + cellDegrees);
        }
        this.cell = cellDegrees;
    }

    /** Files {@code key} at {@code envelope} (lon = x, lat = y), moving it if it was elsewhere. */
    public void put(K key, Envelope envelope) {
        Objects.requireNonNull(key, "key");
        if (envelope == null || envelope.isNull()) throw new IllegalArgumentException("key " + key + " has no envelope");
        Envelope e = new Envelope(envelope);
        Envelope old = where.get(key);
        if (old != null && old.equals(e)) return;
        // File at the new place before leaving the old one: a concurrent reader sees the key somewhere.
        file(key, e);
        where.put(key, e);
        if (old != null) unfile(key, old, e);
    }

    /** Removes {@code key}; nothing happens when it is absent. */
    public void remove(K key) {
        Envelope old = where.remove(key);
        if (old != null) unfile(key, old, null);
    }

    /** Number of keys filed. */
    public int size() {
        return where.size();
    }

    /** The keys whose envelope intersects {@code box}, in no particular order, each once. */
    public List<K> query(Envelope box) {
        Set<K> seen = new HashSet<>();
        List<K> out = new ArrayList<>();
        if (box.isNull()) return out;
        long x0 = ix(box.getMinX()), x1 = ix(box.getMaxX()), y0 = iy(box.getMinY()), y1 = iy(box.getMaxY());
        long span = (x1 - x0 + 1) * (y1 - y0 + 1);
        if (span <= cells.size()) {
            for (long x = x0; x <= x1; x++) {
                for (long y = y0; y <= y1; y++) collect(cells.get(key(x, y)), box, seen, out);
            }
        } else {
            for (var c : cells.entrySet()) {
                long x = c.getKey() >>> 32, y = c.getKey() & 0xffff_ffffL;
                if (x >= x0 && x <= x1 && y >= y0 && y <= y1) collect(c.getValue(), box, seen, out);
            }
        }
        collect(large, box, seen, out);
        return out;
    }

    private void collect(Set<K> keys, Envelope box, Set<K> seen, List<K> out) {
        if (keys == null) return;
        for (K k : keys) {
            Envelope e = where.get(k);
            if (e != null && e.intersects(box) && seen.add(k)) out.add(k);
        }
    }

    private void file(K key, Envelope e) {
        if (cellsOf(e) > MAX_CELLS) {
            large.add(key);
            return;
        }
        forCells(e, c -> cells.computeIfAbsent(c, x -> ConcurrentHashMap.newKeySet()).add(key));
    }

    /** Leaves the cells of {@code old} that {@code now} (null: removed) does not occupy. */
    private void unfile(K key, Envelope old, Envelope now) {
        boolean nowLarge = now != null && cellsOf(now) > MAX_CELLS;
        if (cellsOf(old) > MAX_CELLS) {
            if (!nowLarge) large.remove(key);
            return;
        }
        forCells(old, c -> {
            if (now != null && !nowLarge && covers(now, c)) return;
            cells.computeIfPresent(c, (k, set) -> {
                set.remove(key);
                return set.isEmpty() ? null : set;
            });
        });
    }

    private boolean covers(Envelope e, long c) {
        long x = c >>> 32, y = c & 0xffff_ffffL;
        return x >= ix(e.getMinX()) && x <= ix(e.getMaxX()) && y >= iy(e.getMinY()) && y <= iy(e.getMaxY());
    }

    private long cellsOf(Envelope e) {
        return (ix(e.getMaxX()) - ix(e.getMinX()) + 1) * (iy(e.getMaxY()) - iy(e.getMinY()) + 1);
    }

    private void forCells(Envelope e, java.util.function.LongConsumer action) {
        for (long x = ix(e.getMinX()); x <= ix(e.getMaxX()); x++) {
            for (long y = iy(e.getMinY()); y <= iy(e.getMaxY()); y++) action.accept(key(x, y));
        }
    }

    // Coordinates outside lon/lat range are clamped to the edge cells: they are still found by a box reaching there.
    private long ix(double lon) {
        return (long) Math.floor((Math.max(-180, Math.min(180, lon)) + 180) / cell);
    }

    private long iy(double lat) {
        return (long) Math.floor((Math.max(-90, Math.min(90, lat)) + 90) / cell);
    }

    private static long key(long x, long y) {
        return (x << 32) | y;
    }
}
