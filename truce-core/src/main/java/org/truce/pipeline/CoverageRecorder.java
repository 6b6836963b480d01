package org.truce.pipeline;

import org.truce.fusion.coverage.Look;
import org.truce.fusion.coverage.CoverageMap;
import org.truce.fusion.coverage.CoverageGrid;
import org.truce.fusion.coverage.Coverage;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;
import org.truce.agreement.Agreement;
import org.truce.ground.ContingentId;
import org.truce.agreement.Zone;
import org.truce.agreement.ZoneRole;
import org.truce.cases.Area;
import org.truce.cases.CoverageOracle;
import org.truce.geo.LocalProjection;
import org.truce.sensing.Asset;
import org.truce.ground.AssetId;
import org.truce.sensing.AcceptedObservation;
import org.truce.sensing.Observation;
import org.truce.store.ObservationLog;
import org.truce.store.ObservationQuery;
import org.truce.store.Page;

/**
 * The live coverage projection: listens to the pipeline and keeps, per time bin and per cell — each line-of-contact
 * segment (the boundary of every {@link ZoneRole#HELD_AREA} zone cut as in {@link CoverageGrid}) and each zone of
 * the agreement except {@link ZoneRole#REFERENCE} outlines — which assets looked and with what detection
 * probability. "Not seen" is not "not there": a cell nobody looked at answers {@code observed = false}.
 *
 * <p>Sources: every accepted {@link Observation.Footprint} is a {@link Look}; a fixed asset (camera, array, post)
 * with a {@code site} covers the circle of its {@code sensor().rangeM()} around the site, with
 * {@link Config#fixedDetectionProbability()}, from each of its reports (of any kind) until
 * {@link Config#onlineHeartbeats()} heartbeats later. A fixed sensor counts once per asset, cell and bin; footprints
 * count once per look. Contributions combine as in {@link Coverage#of}.
 *
 * <p>Bounded memory: looks, fixed-sensor reports and bins older than {@link Config#horizon()} before the newest
 * observation time seen are dropped, a whole bin at a time, and a look that old on arrival is ignored. Pure and deterministic (time comes
 * only from the observations). Thread-safe for one writer (the pipeline thread) and any number of readers.
 */
public final class CoverageRecorder implements CenterListener, CoverageOracle {
    /** Prefix of line-of-contact segment ids: {@code loc:<held-zone>#<k>}. */
    public static final String SEGMENT_PREFIX = "loc:";

    /**
     * @param grid                      time bins and segment length (default 1 h bins on whole UTC hours, 1 km)
     * @param horizon                   how long coverage is kept, before the newest observation (default 7 days)
     * @param fixedDetectionProbability detection probability of a reporting fixed sensor within its range (default 0.9)
     * @param onlineHeartbeats          a fixed sensor covers for this many heartbeats after each report (default 3)
     */
    public record Config(CoverageGrid.Config grid, Duration horizon, double fixedDetectionProbability,
                         double onlineHeartbeats) {
        public Config {
            Objects.requireNonNull(grid, "grid");
            Objects.requireNonNull(horizon, "horizon");
            if (horizon.compareTo(grid.bin()) < 0) {
                throw new IllegalArgumentException("horizon " + horizon + " must be at least one bin " + grid.bin());
            }
            if (!(fixedDetectionProbability >= 0 && fixedDetectionProbability <= 1)) {
                throw new IllegalArgumentException("fixedDetectionProbability must be in [0, 1], got "
                        + fixedDetectionProbability);
            }
            if (!(onlineHeartbeats > 0)) {
                throw new IllegalArgumentException("onlineHeartbeats must be > 0, got " + onlineHeartbeats);
            }
        }

        public static Config defaults() {
            return new Config(CoverageGrid.Config.defaults(), Duration.ofDays(7), 0.9, 3);
        }

        public Config withHorizon(Duration h) {
            return new Config(grid, h, fixedDetectionProbability, onlineHeartbeats);
        }
    }

    /** What a cell is. */
    public enum CellKind { SEGMENT, ZONE }

    /**
     * A place reported on.
     *
     * @param geometry in WGS 84, x = longitude, y = latitude
     */
    public record Cell(String id, CellKind kind, Geometry geometry) {
        public Cell {
            Objects.requireNonNull(id);
            Objects.requireNonNull(kind);
            Objects.requireNonNull(geometry);
        }
    }

    /**
     * A cell's coverage over whole bins [from, to).
     *
     * @param probability 1 - prod(1 - p) over the contributions in those bins; 0 when not observed
     * @param byAsset     the same combination per asset, keys sorted
     */
    public record CellCoverage(String id, CellKind kind, Instant from, Instant to, boolean observed,
                               double probability, SortedMap<String, Double> byAsset) {
        public CellCoverage {
            byAsset = Collections.unmodifiableSortedMap(new TreeMap<>(byAsset));
        }

        /** The assets that looked, sorted. */
        public List<String> assets() {
            return List.copyOf(byAsset.keySet());
        }
    }

    /** A cell's share of the day's bins in which it was observed, {@code observedBins / bins}. */
    public record CellShare(String id, CellKind kind, int observedBins, int bins, double share) { }

    /**
     * The daily summary: per cell, the share of the UTC day's bins (hours by default) observed.
     *
     * @param retainedFrom coverage before this instant was dropped (horizon) or never seen: those bins count as
     *                     not observed
     */
    public record DaySummary(LocalDate date, Duration bin, Instant retainedFrom, List<CellShare> cells) {
        public DaySummary {
            cells = List.copyOf(cells);
        }
    }

    private record LocalCell(Cell cell, Geometry local, PreparedGeometry prepared) { }

    /** One fixed sensor: its coverage circle's share of each cell it touches, and its covering intervals. */
    private static final class FixedSensor {
        final Geometry circle;
        final Map<String, Double> shares;
        final double heartbeatSeconds;
        /** Merged, in time order: [start, end) while the sensor counted as reporting. */
        final List<Instant[]> intervals = new ArrayList<>();

        FixedSensor(Geometry circle, Map<String, Double> shares, double heartbeatSeconds) {
            this.circle = circle;
            this.shares = shares;
            this.heartbeatSeconds = heartbeatSeconds;
        }

        /** The same sensor with its own copy of the intervals (circle and shares are never changed: shared). */
        FixedSensor copy() {
            FixedSensor c = new FixedSensor(circle, shares, heartbeatSeconds);
            for (Instant[] iv : intervals) c.intervals.add(iv.clone());
            return c;
        }
    }

    /** One cell in one bin: per asset, the probability of missing (footprints and fixed counted apart). */
    private static final class BinCell {
        final TreeMap<String, Double> lookMiss = new TreeMap<>();
        final TreeMap<String, Double> fixedMiss = new TreeMap<>();

        BinCell copy() {
            BinCell c = new BinCell();
            c.lookMiss.putAll(lookMiss);
            c.fixedMiss.putAll(fixedMiss);
            return c;
        }
    }

    /**
     * The recorder's whole state: per time bin and cell the assets' miss probabilities, the looks and fixed sensors'
     * reporting intervals within the horizon, the assets' owners, the newest time seen. Keyed by bin, then cell (a
     * line-of-contact segment or a zone), then asset. Immutable: private copies nothing mutates; {@link #restore}
     * copies them again.
     */
    public static final class Snapshot {
        private final TreeMap<Instant, Map<String, BinCell>> bins;
        private final List<Look> looks;
        private final Map<String, ContingentId> owners;
        private final Map<String, FixedSensor> fixed;
        private final Instant newest;
        private final Instant prunedTo;
        private final long skipped;

        private Snapshot(CoverageRecorder r) {
            this.bins = copyBins(r.bins);
            this.looks = List.copyOf(r.looks);
            this.owners = Map.copyOf(r.owners);
            this.fixed = copyFixed(r.fixed);
            this.newest = r.newest;
            this.prunedTo = r.prunedTo;
            this.skipped = r.skipped;
        }

        /** How many time bins hold coverage. */
        public int binCount() {
            return bins.size();
        }
    }

    private static TreeMap<Instant, Map<String, BinCell>> copyBins(TreeMap<Instant, Map<String, BinCell>> from) {
        TreeMap<Instant, Map<String, BinCell>> to = new TreeMap<>();
        from.forEach((b, cellsOfBin) -> {
            Map<String, BinCell> c = new HashMap<>();
            cellsOfBin.forEach((id, bc) -> c.put(id, bc.copy()));
            to.put(b, c);
        });
        return to;
    }

    private static Map<String, FixedSensor> copyFixed(Map<String, FixedSensor> from) {
        Map<String, FixedSensor> to = new TreeMap<>();
        from.forEach((id, s) -> to.put(id, s.copy()));
        return to;
    }

    private final Config config;
    private final LocalProjection projection;
    private final Function<AssetId, Optional<Asset>> assets;
    private final Map<String, LocalCell> cells = new LinkedHashMap<>();
    private final STRtree index = new STRtree();
    private final CoverageGrid binning;
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    /** False for {@link #binsOnly}: the looks themselves are not kept, only what they add to the bins. */
    private final boolean keepLooks;

    // Guarded by lock.
    private final TreeMap<Instant, Map<String, BinCell>> bins = new TreeMap<>();
    private final List<Look> looks = new ArrayList<>();
    private final Map<String, ContingentId> owners = new HashMap<>();
    private final Map<String, FixedSensor> fixed = new TreeMap<>();
    private Instant newest;
    private Instant prunedTo;
    private long skipped;

    /**
     * @param assets the asset registry lookup (owner, kind, site, range); an unknown asset's reports are skipped
     */
    public CoverageRecorder(Agreement agreement, Function<AssetId, Optional<Asset>> assets, Config config) {
        this(agreement, assets, config, true);
    }

    /**
     * A recorder that keeps only the per-bin coverage ({@link #coverage}, {@link #summary}), not the looks behind it,
     * so its memory does not grow with the number of footprints: for a re-run over a period (the daily report), which
     * never asks {@link #observed}. Its {@link #observed} refuses.
     */
    public static CoverageRecorder binsOnly(Agreement agreement, Function<AssetId, Optional<Asset>> assets, Config config) {
        return new CoverageRecorder(agreement, assets, config, false);
    }

    private CoverageRecorder(Agreement agreement, Function<AssetId, Optional<Asset>> assets, Config config,
                             boolean keepLooks) {
        this.keepLooks = keepLooks;
        this.config = Objects.requireNonNull(config, "config");
        this.assets = Objects.requireNonNull(assets, "assets");
        this.projection = new LocalProjection(agreement.projection());
        Map<String, LineString> lines = new TreeMap<>();
        Map<String, Geometry> zones = new TreeMap<>();
        Map<String, Geometry> zoneGeo = new HashMap<>();
        for (Zone z : agreement.zones().values()) {
            if (z.role() == ZoneRole.REFERENCE) continue;
            Geometry local = projection.toLocal(z.geometry());
            zones.put(z.id().value(), local);
            zoneGeo.put(z.id().value(), z.geometry());
            if (z.role() == ZoneRole.HELD_AREA) {
                Geometry boundary = local.getBoundary();
                int n = boundary.getNumGeometries();
                for (int i = 0; i < n; i++) {
                    String name = SEGMENT_PREFIX + z.id().value() + (n == 1 ? "" : "/" + i);
                    lines.put(name, (LineString) boundary.getGeometryN(i));
                }
            }
        }
        this.binning = CoverageGrid.build(lines, zones, List.of(), config.grid());
        for (CoverageGrid.Cell c : binning.cells()) {
            boolean segment = c.id().startsWith(SEGMENT_PREFIX);
            Geometry geo = segment ? projection.toGeo(c.geometry()) : zoneGeo.get(c.id());
            LocalCell lc = new LocalCell(new Cell(c.id(), segment ? CellKind.SEGMENT : CellKind.ZONE, geo),
                    c.geometry(), PreparedGeometryFactory.prepare(c.geometry()));
            cells.put(c.id(), lc);
            index.insert(c.geometry().getEnvelopeInternal(), lc);
        }
        index.build();
    }

    public Config config() {
        return config;
    }

    /** The cells: segments (by held zone, in order along its boundary), then zones by id. Immutable. */
    public List<Cell> cells() {
        return cells.values().stream().map(LocalCell::cell).toList();
    }

    /** Footprints and fixed sensors' reports; other events are ignored. Never throws. */
    @Override
    public void on(CenterEvent event) {
        if (event instanceof CenterEvent.ObservationAccepted accepted) record(accepted.observation());
    }

    /**
     * Records one accepted observation: the entry of the coverage stage of the center's topology, and of {@link #on}.
     * Never throws.
     */
    public void record(AcceptedObservation accepted) {
        Observation o = accepted.observation();
        lock.writeLock().lock();
        try {
            record(o);
        } catch (RuntimeException e) {
            // A footprint that cannot be made a look (degenerate ring) must not stop the pipeline.
            skipped++;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * Records what the accepted-input log holds from {@code since} on (observation time), in log order: how a
     * restarted center gets back its coverage, since {@link org.truce.pipeline.Center#replay()} tells no listener.
     *
     * @return the observations read
     */
    public long replay(ObservationLog log, Instant since) {
        Page<AcceptedObservation> first = log.query(new ObservationQuery(Optional.empty(), Optional.empty(),
                Optional.of(since), Optional.empty(), 0, 1));
        if (first.items().isEmpty()) return 0;
        long seq = first.items().getFirst().seq();
        long read = 0;
        while (true) {
            List<AcceptedObservation> batch = log.read(seq, 1000);
            if (batch.isEmpty()) return read;
            for (AcceptedObservation a : batch) {
                if (!a.observation().time().isBefore(since)) on(new CenterEvent.ObservationAccepted(a));
                seq = a.seq() + 1;
                read++;
            }
        }
    }

    private void record(Observation o) {
        Optional<Asset> asset = assets.apply(o.asset());
        if (asset.isEmpty()) {
            skipped++;
            return;
        }
        Asset a = asset.get();
        owners.put(a.id().value(), a.owner());
        Instant t = o.time();
        if (newest == null || t.isAfter(newest)) {
            newest = t;
            prune();
        }
        if (t.isBefore(retainedFromLocked())) return;
        if (o instanceof Observation.Footprint f) {
            Look look = Look.from(f, projection);
            if (keepLooks) looks.add(look);
            accountLook(look);
        }
        if (a.fixed() && a.site().isPresent()) {
            accountFixed(a, t);
        }
    }

    private void accountLook(Look look) {
        Map<String, BinCell> bin = bins.computeIfAbsent(binning.binStart(look.time()), k -> new HashMap<>());
        @SuppressWarnings("unchecked")
        List<LocalCell> candidates = index.query(look.footprint().getEnvelopeInternal());
        for (LocalCell c : candidates) {
            double share = share(look.footprint(), c);
            if (share > 0) {
                double p = look.detectionProbability() * share;
                bin.computeIfAbsent(c.cell().id(), k -> new BinCell()).lookMiss.merge(look.asset(), 1 - p, (x, y) -> x * y);
            }
        }
    }

    private void accountFixed(Asset a, Instant t) {
        String id = a.id().value();
        FixedSensor s = fixed.computeIfAbsent(id, k -> {
            Geometry circle = projection.factory().createPoint(projection.toLocal(a.site().get()))
                    .buffer(a.sensor().rangeM(), 32);
            Map<String, Double> shares = new TreeMap<>();
            @SuppressWarnings("unchecked")
            List<LocalCell> candidates = index.query(circle.getEnvelopeInternal());
            for (LocalCell c : candidates) {
                double share = share(circle, c);
                if (share > 0) shares.put(c.cell().id(), share);
            }
            return new FixedSensor(circle, shares, a.sensor().heartbeatSeconds());
        });
        Instant end = t.plusNanos((long) (s.heartbeatSeconds * config.onlineHeartbeats() * 1e9));
        Instant[] last = s.intervals.isEmpty() ? null : s.intervals.getLast();
        if (last != null && !t.isAfter(last[1]) && !t.isBefore(last[0])) {
            if (end.isAfter(last[1])) last[1] = end;
        } else {
            s.intervals.add(new Instant[] {t, end});
            s.intervals.sort((x, y) -> x[0].compareTo(y[0]));
        }
        for (Instant b = binning.binStart(t); b.isBefore(end); b = b.plus(config.grid().bin())) {
            Map<String, BinCell> bin = bins.computeIfAbsent(b, k -> new HashMap<>());
            s.shares.forEach((cell, share) -> bin.computeIfAbsent(cell, k -> new BinCell()).fixedMiss
                    .putIfAbsent(id, 1 - config.fixedDetectionProbability() * share));
        }
    }

    /** Share of the cell inside the footprint; a zone that wholly holds the footprint skips the overlay. */
    private static double share(Geometry footprint, LocalCell c) {
        if (c.local() instanceof Polygonal && c.prepared().covers(footprint)) {
            return Math.min(1, footprint.getArea() / c.local().getArea());
        }
        return CoverageMap.share(footprint, c.local());
    }

    /** Drops whole bins, and the looks and reports in them, once the horizon has passed them. */
    private void prune() {
        Instant cut = binning.binStart(retainedFromLocked());
        // Only when the horizon enters a new bin: pruning on every observation would cost O(looks) each time.
        if (prunedTo != null && !cut.isAfter(prunedTo)) return;
        prunedTo = cut;
        bins.headMap(cut).clear();
        looks.removeIf(l -> l.time().isBefore(cut));
        fixed.values().forEach(s -> s.intervals.removeIf(iv -> !iv[1].isAfter(cut)));
    }

    private Instant retainedFromLocked() {
        return newest == null ? Instant.MIN : newest.minus(config.horizon());
    }

    /** The whole state, as an immutable value. */
    public Snapshot snapshot() {
        lock.readLock().lock();
        try {
            return new Snapshot(this);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Puts this recorder (of the same agreement and config) into the state of {@code s}. */
    public void restore(Snapshot s) {
        Objects.requireNonNull(s, "snapshot");
        lock.writeLock().lock();
        try {
            bins.clear();
            bins.putAll(copyBins(s.bins));
            looks.clear();
            looks.addAll(s.looks);
            owners.clear();
            owners.putAll(s.owners);
            fixed.clear();
            fixed.putAll(copyFixed(s.fixed));
            newest = s.newest;
            prunedTo = s.prunedTo;
            skipped = s.skipped;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Coverage before this instant has been dropped; empty before the first observation. */
    public Optional<Instant> retainedFrom() {
        lock.readLock().lock();
        try {
            return Optional.ofNullable(newest).map(n -> n.minus(config.horizon()));
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The newest observation time seen, if any. */
    public Optional<Instant> newest() {
        lock.readLock().lock();
        try {
            return Optional.ofNullable(newest);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Observations skipped: unknown asset or unusable footprint. */
    public long skipped() {
        lock.readLock().lock();
        try {
            return skipped;
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * Every cell's coverage over the bins overlapping [from, to) (so {@code from} is rounded down to its bin's
     * start and {@code to} up to a bin end), in {@link #cells()} order.
     *
     * @throws IllegalArgumentException if {@code to} is not after {@code from}
     */
    public List<CellCoverage> coverage(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            throw new IllegalArgumentException("interval ends before it starts: [" + from + ", " + to + ")");
        }
        Instant start = binning.binStart(from);
        Instant end = binning.binStart(to).equals(to) ? to : binning.binStart(to).plus(config.grid().bin());
        lock.readLock().lock();
        try {
            Map<String, TreeMap<String, Double>> miss = new HashMap<>();
            for (Map<String, BinCell> bin : bins.subMap(start, end).values()) {
                bin.forEach((cell, bc) -> {
                    TreeMap<String, Double> m = miss.computeIfAbsent(cell, k -> new TreeMap<>());
                    bc.lookMiss.forEach((asset, x) -> m.merge(asset, x, (p, q) -> p * q));
                    bc.fixedMiss.forEach((asset, x) -> m.merge(asset, x, (p, q) -> p * q));
                });
            }
            List<CellCoverage> out = new ArrayList<>(cells.size());
            for (LocalCell c : cells.values()) {
                TreeMap<String, Double> m = miss.getOrDefault(c.cell().id(), new TreeMap<>());
                TreeMap<String, Double> byAsset = new TreeMap<>();
                double all = 1;
                for (var e : m.entrySet()) {
                    byAsset.put(e.getKey(), clamp(1 - e.getValue()));
                    all *= e.getValue();
                }
                out.add(new CellCoverage(c.cell().id(), c.cell().kind(), start, end, !m.isEmpty(),
                        m.isEmpty() ? 0 : clamp(1 - all), byAsset));
            }
            return out;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The daily summary for the UTC day {@code date}: per cell, the share of its bins observed. */
    public DaySummary summary(LocalDate date) {
        Instant dayStart = date.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant dayEnd = date.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Map<String, Integer> observed = new HashMap<>();
        int binCount = 0;
        Instant retained;
        lock.readLock().lock();
        try {
            retained = newest == null ? dayEnd : newest.minus(config.horizon());
            for (Instant b = binning.binStart(dayStart); b.isBefore(dayEnd); b = b.plus(config.grid().bin())) {
                if (b.isBefore(dayStart)) continue;
                binCount++;
                Map<String, BinCell> bin = bins.get(b);
                if (bin != null) bin.keySet().forEach(cell -> observed.merge(cell, 1, Integer::sum));
            }
        } finally {
            lock.readLock().unlock();
        }
        List<CellShare> shares = new ArrayList<>();
        for (LocalCell c : cells.values()) {
            int n = observed.getOrDefault(c.cell().id(), 0);
            shares.add(new CellShare(c.cell().id(), c.cell().kind(), n, binCount,
                    binCount == 0 ? 0 : (double) n / binCount));
        }
        return new DaySummary(date, config.grid().bin(), retained, shares);
    }

    /**
     * The assets that observed {@code area} during [from, to) — footprints taken in it and fixed sensors reporting
     * in it — with each asset's detection probability over the interval (see {@link CoverageMap}). Empty when
     * nothing looked, or when the interval lies before {@link #retainedFrom()}.
     */
    @Override
    public List<Observer> observed(Area area, Instant from, Instant to) {
        if (!keepLooks) throw new IllegalStateException("a bins-only coverage recorder keeps no looks to answer observed()");
        Geometry place = area.toLocal(projection);
        List<Look> window = new ArrayList<>();
        Map<String, ContingentId> ownersNow;
        lock.readLock().lock();
        try {
            for (Look l : looks) {
                if (!l.time().isBefore(from) && l.time().isBefore(to)) window.add(l);
            }
            fixed.forEach((asset, s) -> {
                for (Instant[] iv : s.intervals) {
                    if (iv[0].isBefore(to) && iv[1].isAfter(from)) {
                        Instant at = iv[0].isAfter(from) ? iv[0] : from;
                        window.add(new Look(asset, at, s.circle, config.fixedDetectionProbability()));
                        break;
                    }
                }
            });
            ownersNow = Map.copyOf(owners);
        } finally {
            lock.readLock().unlock();
        }
        if (!to.isAfter(from)) return List.of();
        Coverage c = new CoverageMap(window).query(place, from, to);
        if (!(c instanceof Coverage.Observed seen)) return List.of();
        List<Observer> out = new ArrayList<>();
        seen.byAsset().forEach((asset, p) -> out.add(new Observer(ownersNow.get(asset), asset, clamp(p))));
        return out;
    }

    private static double clamp(double p) {
        return Math.max(0, Math.min(1, p));
    }
}
