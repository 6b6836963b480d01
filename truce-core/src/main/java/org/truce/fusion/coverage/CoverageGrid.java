package org.truce.fusion.coverage;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.linearref.LengthIndexedLine;

/**
 * Coverage by time bin and place: each line (e.g. the line of contact) cut into segments of a fixed length, and each
 * zone, for each time bin — observed or not, by which assets, with what detection probability.
 *
 * <p>Cells are named {@code <line>#<k>} (segment k from the line's start, 0-based; the last one may be shorter) and
 * {@code <zone>}; a line and a zone must not share a name. A look contributes to a cell as in {@link CoverageMap}:
 * detection probability times the covered share of the cell, combined over looks as {@code 1 - prod(1 - p)}. Bins
 * are {@code [origin + k * bin, origin + (k + 1) * bin)}.
 *
 * <p>Immutable once built and thread-safe; pure (no clock).
 */
public final class CoverageGrid {
    /**
     * @param bin            time bin length, default one hour
     * @param origin         start of bin 0 (bins tile time before and after it), default 1970-01-01T00:00Z so bins
     *                       fall on whole UTC hours
     * @param segmentLengthM length of the line segments in metres, default 1000
     */
    public record Config(Duration bin, Instant origin, double segmentLengthM) {
        public Config {
            Objects.requireNonNull(bin, "bin");
            Objects.requireNonNull(origin, "origin");
            if (bin.isNegative() || bin.isZero()) {
                throw new IllegalArgumentException("bin must be positive, got " + bin);
            }
            if (!(segmentLengthM > 0)) {
                throw new IllegalArgumentException("segmentLengthM must be > 0, got " + segmentLengthM);
            }
        }

        public static Config defaults() {
            return new Config(Duration.ofHours(1), Instant.EPOCH, 1000);
        }
    }

    /** A place the grid reports on: a line segment or a zone, in local metres. */
    public record Cell(String id, Geometry geometry) {
        public Cell {
            Objects.requireNonNull(id);
            Objects.requireNonNull(geometry);
        }
    }

    /** One cell in one time bin. */
    public record BinCoverage(String cellId, Instant binStart, Instant binEnd, Coverage coverage) {
        public BinCoverage {
            Objects.requireNonNull(cellId);
            Objects.requireNonNull(binStart);
            Objects.requireNonNull(binEnd);
            Objects.requireNonNull(coverage);
        }

        public boolean observed() {
            return coverage instanceof Coverage.Observed;
        }
    }

    private final Config config;
    private final Map<String, Cell> cells;
    /** Per cell, its contributions in time order. */
    private final Map<String, List<Coverage.Contribution>> contributions;

    private CoverageGrid(Config config, Map<String, Cell> cells, Map<String, List<Coverage.Contribution>> byCell) {
        this.config = config;
        this.cells = cells;
        this.contributions = byCell;
    }

    /**
     * Builds the grid.
     *
     * @param lines lines by name, in local metres, segmented from their start
     * @param zones areas by name (Polygon or MultiPolygon), in local metres
     * @param looks the looks to account
     * @throws IllegalArgumentException on a duplicate name, an empty or zero-length line, or a non-areal zone
     */
    public static CoverageGrid build(Map<String, LineString> lines, Map<String, Geometry> zones,
                                     Collection<Look> looks, Config config) {
        Objects.requireNonNull(config, "config");
        for (String name : zones.keySet()) {
            if (lines.containsKey(name)) {
                throw new IllegalArgumentException("duplicate name " + name + ": used by a line and a zone");
            }
        }
        Map<String, Cell> cells = new LinkedHashMap<>();
        new TreeMap<>(lines).forEach((name, line) -> {
            if (line.isEmpty() || line.getLength() == 0) {
                throw new IllegalArgumentException("line " + name + " is empty or has zero length");
            }
            LengthIndexedLine indexed = new LengthIndexedLine(line);
            double length = line.getLength();
            int count = (int) Math.ceil(length / config.segmentLengthM() - 1e-9);
            for (int k = 0; k < count; k++) {
                double start = k * config.segmentLengthM();
                double end = Math.min(length, start + config.segmentLengthM());
                put(cells, new Cell(name + "#" + k, indexed.extractLine(start, end)));
            }
        });
        new TreeMap<>(zones).forEach((name, area) -> {
            if (!(area instanceof Polygonal) || area.isEmpty() || area.getArea() == 0) {
                throw new IllegalArgumentException("zone " + name + " must be a non-empty Polygon or MultiPolygon");
            }
            put(cells, new Cell(name, area));
        });
        STRtree index = new STRtree();
        for (Cell cell : cells.values()) {
            index.insert(cell.geometry().getEnvelopeInternal(), cell);
        }
        index.build();
        Map<String, List<Coverage.Contribution>> byCell = new LinkedHashMap<>();
        cells.keySet().forEach(id -> byCell.put(id, new ArrayList<>()));
        for (Look look : looks) {
            @SuppressWarnings("unchecked")
            List<Cell> candidates = index.query(look.footprint().getEnvelopeInternal());
            for (Cell cell : candidates) {
                double share = CoverageMap.share(look.footprint(), cell.geometry());
                if (share > 0) {
                    byCell.get(cell.id()).add(new Coverage.Contribution(look.asset(), look.time(), share,
                            look.detectionProbability() * share));
                }
            }
        }
        Comparator<Coverage.Contribution> order = Comparator.comparing(Coverage.Contribution::time)
                .thenComparing(Coverage.Contribution::asset).thenComparingDouble(Coverage.Contribution::share);
        Map<String, List<Coverage.Contribution>> frozen = new LinkedHashMap<>();
        byCell.forEach((id, list) -> frozen.put(id, list.stream().sorted(order).toList()));
        return new CoverageGrid(config, java.util.Collections.unmodifiableMap(cells),
                java.util.Collections.unmodifiableMap(frozen));
    }

    private static void put(Map<String, Cell> cells, Cell cell) {
        if (cells.putIfAbsent(cell.id(), cell) != null) {
            throw new IllegalArgumentException("duplicate cell name " + cell.id());
        }
    }

    public Config config() {
        return config;
    }

    /** The cells: line segments (lines by name, segments in order), then zones by name. */
    public List<Cell> cells() {
        return List.copyOf(cells.values());
    }

    /** Coverage of one cell by the looks with {@code from <= time < to}. */
    public Coverage query(String cellId, Instant from, Instant to) {
        List<Coverage.Contribution> list = contributions.get(cellId);
        if (list == null) {
            throw new IllegalArgumentException("no cell named " + cellId);
        }
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("interval ends before it starts: [" + from + ", " + to + ")");
        }
        return Coverage.of(from, to, list.stream()
                .filter(c -> !c.time().isBefore(from) && c.time().isBefore(to)).toList());
    }

    /** The start of the bin holding {@code t}. */
    public Instant binStart(Instant t) {
        long binNanos = config.bin().toNanos();
        long offset = Duration.between(config.origin(), t).toNanos();
        return config.origin().plusNanos(Math.floorDiv(offset, binNanos) * binNanos);
    }

    /**
     * Every cell in every bin overlapping [from, to), observed or not: the table behind a coverage map or a daily
     * report. Ordered by bin, then cell order.
     */
    public List<BinCoverage> table(Instant from, Instant to) {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("interval ends before it starts: [" + from + ", " + to + ")");
        }
        List<BinCoverage> out = new ArrayList<>();
        for (Instant start = binStart(from); start.isBefore(to); start = start.plus(config.bin())) {
            Instant end = start.plus(config.bin());
            for (String id : cells.keySet()) {
                out.add(new BinCoverage(id, start, end, query(id, start, end)));
            }
        }
        return out;
    }
}
