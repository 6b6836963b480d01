package org.truce.reports.daily;

import org.truce.implementation.RecordedZoneCoverage;
import org.truce.implementation.ZoneCoverage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.truce.agreement.Agreement;
import org.truce.ground.ZoneId;
import org.truce.pipeline.CoverageRecorder;
import org.truce.reports.daily.DailyReport.CoverageRow;
import org.truce.reports.daily.DailyReport.CoverageSection;
import org.truce.reports.daily.DailyReport.OutageRow;
import org.truce.sensing.AcceptedObservation;
import org.truce.sensing.Asset;
import org.truce.ground.AssetId;
import org.truce.sensing.health.AssetHealthMonitor;
import org.truce.sensing.health.AssetStatus;
import org.truce.sensing.health.AssetStatusChange;
import org.truce.store.AssetRegistry;
import org.truce.store.ObservationLog;
import org.truce.store.ObservationQuery;
import org.truce.store.Page;
import org.truce.pipeline.CoverageStage;
import org.truce.pipeline.HealthStage;

/**
 * Re-derives a period's coverage and asset health from the accepted-input log, as the running center derived
 * them: the same stages of the center's topology ({@link CoverageStage} over a bins-only {@link CoverageRecorder},
 * {@link HealthStage}, with their defaults), so the report needs no state the center kept only in memory. Health starts an hour before the period so an asset already reporting is
 * not taken for one that just came up. For a report ({@link #forReport}) coverage is replayed from the recorder's
 * horizon (7 days) before the period's end, as the live recorder keeps it, so that {@link #zoneCoverage()} can tell
 * the implementation tracker whether a zone was watched since a deadline that fell before the period; for one day's
 * stored facts ({@link #forDay}) only from an hour before the period (so a fixed sensor's report just before it
 * still covers its first minutes), the days before coming from their own facts. The coverage section counts the
 * period alone either way.
 *
 * <p>Reads the log once, in log order, a page at a time from the first entry that can concern the period to the
 * first one received after it (plus {@link #LATE_ARRIVALS}): its memory holds the recorder's hourly bins and the
 * health monitor's per-asset state, not the observations or their footprints. Asset look-ups are answered from
 * memory after the first. Not thread-safe; use once.
 */
final class SensorReplay {
    /** Health is replayed from this long before the period. */
    static final Duration HEALTH_LEAD = Duration.ofHours(1);
    /** Observations received this long after the period may still carry times inside it. */
    static final Duration LATE_ARRIVALS = Duration.ofHours(1);
    /** Observations read from the log at a time. */
    static final int PAGE = 2000;
    /**
     * The first log entry timed at or after an instant is looked for among those timed within this long after it, so
     * that the look-up reads an index range of bounded size, not the whole tail of the log (an entry logged before
     * all of those but timed later still would have to be a day ahead of its neighbours, which the ingest skew check
     * refuses).
     */
    static final Duration FIRST_ENTRY_WINDOW = Duration.ofHours(26);
    private static final Set<AssetStatus> OUTAGE = EnumSet.of(AssetStatus.OFFLINE, AssetStatus.PROBABLE_INTERFERENCE,
            AssetStatus.DEGRADED, AssetStatus.POSITION_ANOMALY);

    private final Agreement agreement;
    private final Function<AssetId, Optional<Asset>> assets;
    private final ReportPeriod period;
    private final CoverageRecorder coverage;
    private final CoverageStage coverageStage;
    private final Instant coverageFrom;
    private final HealthStage health;
    private final List<AssetStatusChange> changes = new ArrayList<>();
    private long replayed;
    private Instant newestInPeriod;
    /** Filled once by {@link #hourly()}, after the run. */
    private List<List<CoverageRecorder.CellCoverage>> hourly;

    private SensorReplay(Agreement agreement, AssetRegistry registry, ReportPeriod period, Instant coverageFrom) {
        this.agreement = agreement;
        this.assets = memo(registry);
        this.period = period;
        this.coverage = CoverageRecorder.binsOnly(agreement, assets, CoverageRecorder.Config.defaults());
        this.coverageStage = new CoverageStage(coverage);
        this.coverageFrom = coverageFrom;
        this.health = new HealthStage(AssetHealthMonitor.withDefaults(id -> assets.apply(id).map(Asset::sensor)));
    }

    /** Coverage from the recorder's horizon before the period's end: the whole state a report needs. */
    static SensorReplay forReport(Agreement agreement, AssetRegistry assets, ReportPeriod period) {
        CoverageRecorder.Config c = CoverageRecorder.Config.defaults();
        return new SensorReplay(agreement, assets, period, period.to().minus(c.horizon()));
    }

    /** Coverage from {@link #HEALTH_LEAD} before the period: one day's facts, the days before kept apart. */
    static SensorReplay forDay(Agreement agreement, AssetRegistry assets, ReportPeriod period) {
        return new SensorReplay(agreement, assets, period, period.from().minus(HEALTH_LEAD));
    }

    /** The registry's answers, kept: the log names the same few assets again and again. */
    private static Function<AssetId, Optional<Asset>> memo(AssetRegistry registry) {
        Map<AssetId, Optional<Asset>> known = new HashMap<>();
        return id -> known.computeIfAbsent(id, registry::find);
    }

    /**
     * Feeds the part of the log that can concern the period.
     *
     * @return true if the log reached past the period (an entry received at or after its end plus
     *         {@link #LATE_ARRIVALS}): what was read is then all the period will ever be replayed from
     */
    boolean run(ObservationLog log) {
        Instant healthStart = period.from().minus(HEALTH_LEAD);
        Instant start = coverageFrom.isBefore(healthStart) ? coverageFrom : healthStart;
        Instant stop = period.to().plus(LATE_ARRIVALS);
        boolean complete = false;
        OptionalLong first = firstSeq(log, start);
        if (first.isPresent()) {
            long seq = first.getAsLong();
            boolean done = false;
            while (!done) {
                List<AcceptedObservation> batch = log.read(seq, PAGE);
                if (batch.isEmpty()) break;
                for (AcceptedObservation a : batch) {
                    seq = a.seq() + 1;
                    if (!a.received().isBefore(stop)) {
                        done = true;
                        complete = true;
                        break;
                    }
                    feed(a, healthStart);
                }
            }
        }
        changes.addAll(health.advanceTo(period.to()));
        return complete;
    }

    /** The sequence number of the first entry timed at or after {@code t}, looked for in a bounded index range first. */
    private static OptionalLong firstSeq(ObservationLog log, Instant t) {
        Page<AcceptedObservation> near = log.query(new ObservationQuery(Optional.empty(), Optional.empty(),
                Optional.of(t), Optional.of(t.plus(FIRST_ENTRY_WINDOW)), 0, 1));
        if (!near.items().isEmpty()) return OptionalLong.of(near.items().getFirst().seq());
        // Nothing in the window: either the log begins after it (its first entry then is the answer, found without
        // counting the whole log) or it has a gap of more than the window there.
        List<AcceptedObservation> head = log.read(1, 1);
        if (head.isEmpty()) return OptionalLong.empty();
        if (!head.getFirst().observation().time().isBefore(t)) return OptionalLong.of(head.getFirst().seq());
        Page<AcceptedObservation> any = log.query(new ObservationQuery(Optional.empty(), Optional.empty(),
                Optional.of(t), Optional.empty(), 0, 1));
        return any.items().isEmpty() ? OptionalLong.empty() : OptionalLong.of(any.items().getFirst().seq());
    }

    private void feed(AcceptedObservation a, Instant healthStart) {
        Instant t = a.observation().time();
        if (!t.isBefore(coverageFrom) && t.isBefore(period.to())) {
            coverageStage.process(a);
            if (period.contains(t)) {
                replayed++;
                if (assets.apply(a.observation().asset()).isPresent()
                        && (newestInPeriod == null || t.isAfter(newestInPeriod))) {
                    newestInPeriod = t;
                }
            }
        }
        // Health runs on reception time, as the live stage does, and advances to each report's reception first,
        // which yields the same change times (they are computed from the last report).
        if (!a.received().isBefore(healthStart) && a.received().isBefore(period.to())) {
            changes.addAll(health.process(a));
        }
    }

    /** The newest observation time, of a registered asset, inside the period: what the recorder's horizon runs from. */
    Optional<Instant> newestInPeriod() {
        return Optional.ofNullable(newestInPeriod);
    }

    /**
     * Outages and probable interference that began in the period, merged per asset and status: interference first,
     * then by the time spent out (longest first), then asset.
     */
    List<OutageRow> outages() {
        record Key(String asset, AssetStatus status) { }
        Map<Key, OutageRow> merged = new LinkedHashMap<>();
        for (int i = 0; i < changes.size(); i++) {
            AssetStatusChange c = changes.get(i);
            if (!OUTAGE.contains(c.to()) || !period.contains(c.time())) continue;
            Optional<Instant> end = Optional.empty();
            for (int j = i + 1; j < changes.size(); j++) {
                AssetStatusChange n = changes.get(j);
                if (n.asset().equals(c.asset())) {
                    end = Optional.of(n.time());
                    break;
                }
            }
            Duration spent = Duration.between(c.time(), end.filter(period::contains).orElse(period.to()));
            Key key = new Key(c.asset().value(), c.to());
            OutageRow before = merged.get(key);
            if (before == null) {
                Optional<Asset> asset = assets.apply(c.asset());
                merged.put(key, new OutageRow(key.asset(), asset.map(x -> x.owner().value()).orElse(""),
                        asset.map(x -> x.kind().name()).orElse(""), c.to(), 1, c.time(), end, spent, c.reason()));
            } else {
                merged.put(key, new OutageRow(before.asset(), before.owner(), before.kind(), before.status(),
                        before.episodes() + 1, before.first(), end, before.total().plus(spent), c.reason()));
            }
        }
        List<OutageRow> out = new ArrayList<>(merged.values());
        out.sort(java.util.Comparator.comparing((OutageRow o) -> o.status() != AssetStatus.PROBABLE_INTERFERENCE)
                .thenComparing(OutageRow::total, java.util.Comparator.reverseOrder()).thenComparing(OutageRow::asset));
        return out;
    }

    /** The replayed coverage of the zones, up to the period's end, for the implementation tracker. */
    ZoneCoverage zoneCoverage() {
        return new RecordedZoneCoverage(coverage);
    }

    /** Every cell's coverage in each hour of the period, computed once. */
    private List<List<CoverageRecorder.CellCoverage>> hourly() {
        if (hourly == null) {
            int hours = (int) Duration.between(period.from(), period.to()).toHours();
            List<List<CoverageRecorder.CellCoverage>> out = new ArrayList<>(hours);
            for (int h = 0; h < hours; h++) {
                Instant from = period.from().plus(Duration.ofHours(h));
                out.add(coverage.coverage(from, from.plus(Duration.ofHours(1))));
            }
            hourly = out;
        }
        return hourly;
    }

    /**
     * Per zone, one watch per hour of the period in which its cell was observed: what {@link RecordedZoneCoverage}
     * would read from the recorder for those hours, kept with the day's facts for the reports of the week after.
     */
    Map<String, List<ZoneCoverage.Watch>> zoneWatches() {
        Map<String, List<ZoneCoverage.Watch>> out = new TreeMap<>();
        for (List<CoverageRecorder.CellCoverage> hour : hourly()) {
            for (CoverageRecorder.CellCoverage c : hour) {
                if (c.kind() != CoverageRecorder.CellKind.ZONE || !c.observed()) continue;
                out.computeIfAbsent(c.id(), k -> new ArrayList<>())
                        .add(new ZoneCoverage.Watch(c.from(), c.to(), c.probability(), c.assets()));
            }
        }
        return out;
    }

    /** Coverage per area and the observed share of cells per hour of the period. */
    CoverageSection coverage() {
        int hours = (int) Duration.between(period.from(), period.to()).toHours();
        Map<String, Agg> areas = new LinkedHashMap<>();
        for (List<CoverageRecorder.CellCoverage> hour : hourly()) {
            for (CoverageRecorder.CellCoverage c : hour) {
                Agg a = areas.computeIfAbsent(area(c.id()), k -> new Agg(c.kind()));
                a.cellHours++;
                if (c.observed()) a.observedCellHours++;
            }
        }
        for (CoverageRecorder.CellCoverage c : coverage.coverage(period.from(), period.to())) {
            Agg a = areas.get(area(c.id()));
            a.cells++;
            a.probabilitySum += c.probability();
            a.assets.addAll(c.assets());
            if (!c.observed()) a.never.add(c.id());
        }
        List<CoverageRow> rows = new ArrayList<>();
        areas.forEach((id, a) -> rows.add(new CoverageRow(id, a.kind.name(), zoneName(id), a.cells, a.observedCellHours,
                a.cellHours, a.cells == 0 ? 0 : a.probabilitySum / a.cells, List.copyOf(a.assets),
                a.kind == CoverageRecorder.CellKind.SEGMENT ? List.copyOf(a.never) : List.of())));
        return new CoverageSection(hours, rows, replayed);
    }

    /** Per hour of the period, the share of coverage cells observed in it. */
    Map<Instant, Double> observedShareByHour() {
        Map<Instant, Double> out = new TreeMap<>();
        List<List<CoverageRecorder.CellCoverage>> hours = hourly();
        for (int h = 0; h < hours.size(); h++) {
            Instant from = period.from().plus(Duration.ofHours(h));
            List<CoverageRecorder.CellCoverage> cells = hours.get(h);
            long seen = cells.stream().filter(CoverageRecorder.CellCoverage::observed).count();
            out.put(from, cells.isEmpty() ? 0 : (double) seen / cells.size());
        }
        return out;
    }

    /** {@code loc:<zone>[/i]#k} segments belong to {@code loc:<zone>}; a zone cell is its own area. */
    private static String area(String cellId) {
        if (!cellId.startsWith(CoverageRecorder.SEGMENT_PREFIX)) return cellId;
        String rest = cellId.substring(CoverageRecorder.SEGMENT_PREFIX.length());
        int cut = rest.length();
        for (char ch : new char[] {'/', '#'}) {
            int i = rest.indexOf(ch);
            if (i >= 0) cut = Math.min(cut, i);
        }
        return CoverageRecorder.SEGMENT_PREFIX + rest.substring(0, cut);
    }

    private String zoneName(String area) {
        String id = area.startsWith(CoverageRecorder.SEGMENT_PREFIX)
                ? area.substring(CoverageRecorder.SEGMENT_PREFIX.length()) : area;
        return agreement.zone(new ZoneId(id)).map(z -> z.name()).orElse(id);
    }

    private static final class Agg {
        final CoverageRecorder.CellKind kind;
        int cells, cellHours, observedCellHours;
        double probabilitySum;
        final Set<String> assets = new TreeSet<>();
        final Set<String> never = new TreeSet<>();

        Agg(CoverageRecorder.CellKind kind) {
            this.kind = kind;
        }
    }
}
