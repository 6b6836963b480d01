package org.truce.reports.daily;

import org.truce.implementation.RecordedZoneCoverage;
import org.truce.implementation.ZoneCoverage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.truce.agreement.Agreement;
import org.truce.ground.ZoneId;
import org.truce.pipeline.CoverageRecorder;
import org.truce.pipeline.CenterEvent;
import org.truce.reports.daily.DailyReport.CoverageRow;
import org.truce.reports.daily.DailyReport.CoverageSection;
import org.truce.reports.daily.DailyReport.OutageRow;
import org.truce.sensing.AcceptedObservation;
import org.truce.sensing.Asset;
import org.truce.sensing.health.AssetHealthMonitor;
import org.truce.sensing.health.AssetStatus;
import org.truce.sensing.health.AssetStatusChange;
import org.truce.store.AssetRegistry;
import org.truce.store.ObservationLog;
import org.truce.store.ObservationQuery;
import org.truce.store.Page;

/**
 * Re-derives a period's coverage and asset health from the accepted-input log, as the running center derived
 * them (same {@link CoverageRecorder} and {@link AssetHealthMonitor} with their defaults): the report needs no
 * state the center kept only in memory. Health starts an hour before the period so an asset already reporting is
 * not taken for one that just came up. Coverage is replayed from the recorder's horizon (7 days) before the
 * period's end, as the live recorder keeps it, so that {@link #zoneCoverage()} can tell the implementation tracker
 * whether a zone was watched since a deadline that fell before the period; the report's coverage section still
 * counts the period alone. Reads the log once, in log order. Not thread-safe; use once.
 */
final class SensorReplay {
    /** Health is replayed from this long before the period. */
    static final Duration HEALTH_LEAD = Duration.ofHours(1);
    /** Observations received this long after the period may still carry times inside it. */
    static final Duration LATE_ARRIVALS = Duration.ofHours(1);
    private static final Set<AssetStatus> OUTAGE = EnumSet.of(AssetStatus.OFFLINE, AssetStatus.PROBABLE_INTERFERENCE,
            AssetStatus.DEGRADED, AssetStatus.POSITION_ANOMALY);

    private final Agreement agreement;
    private final AssetRegistry assets;
    private final ReportPeriod period;
    private final CoverageRecorder coverage;
    private final Instant coverageFrom;
    private final AssetHealthMonitor health;
    private final List<AssetStatusChange> changes = new ArrayList<>();
    private long replayed;

    SensorReplay(Agreement agreement, AssetRegistry assets, ReportPeriod period) {
        this.agreement = agreement;
        this.assets = assets;
        this.period = period;
        this.coverage = new CoverageRecorder(agreement, assets::find, CoverageRecorder.Config.defaults());
        this.coverageFrom = period.to().minus(coverage.config().horizon());
        this.health = AssetHealthMonitor.withDefaults(id -> assets.find(id).map(Asset::sensor));
    }

    /** Feeds the part of the log that can concern the period. */
    SensorReplay run(ObservationLog log) {
        Instant healthStart = period.from().minus(HEALTH_LEAD);
        Instant start = coverageFrom.isBefore(healthStart) ? coverageFrom : healthStart;
        Page<AcceptedObservation> first = log.query(new ObservationQuery(Optional.empty(), Optional.empty(),
                Optional.of(start), Optional.empty(), 0, 1));
        if (!first.items().isEmpty()) {
            long seq = first.items().getFirst().seq();
            Instant stop = period.to().plus(LATE_ARRIVALS);
            boolean done = false;
            while (!done) {
                List<AcceptedObservation> batch = log.read(seq, 2000);
                if (batch.isEmpty()) break;
                for (AcceptedObservation a : batch) {
                    seq = a.seq() + 1;
                    if (!a.received().isBefore(stop)) {
                        done = true;
                        break;
                    }
                    feed(a, healthStart);
                }
            }
        }
        changes.addAll(health.advanceTo(period.to()));
        return this;
    }

    private void feed(AcceptedObservation a, Instant healthStart) {
        Instant t = a.observation().time();
        if (!t.isBefore(coverageFrom) && t.isBefore(period.to())) {
            coverage.on(new CenterEvent.ObservationAccepted(a));
            if (period.contains(t)) replayed++;
        }
        // Health runs on reception time, as the live monitor does; the tick it misses between reports is taken
        // here, before each report, which yields the same change times (they are computed from the last report).
        if (!a.received().isBefore(healthStart) && a.received().isBefore(period.to())) {
            changes.addAll(health.advanceTo(a.received()));
            changes.addAll(health.observe(a.observation(), a.received()));
        }
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
                Optional<Asset> asset = assets.find(c.asset());
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

    /** Coverage per area and the observed share of cells per hour of the period. */
    CoverageSection coverage() {
        int hours = (int) Duration.between(period.from(), period.to()).toHours();
        Map<String, Agg> areas = new LinkedHashMap<>();
        for (int h = 0; h < hours; h++) {
            Instant from = period.from().plus(Duration.ofHours(h));
            for (CoverageRecorder.CellCoverage c : coverage.coverage(from, from.plus(Duration.ofHours(1)))) {
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
        int hours = (int) Duration.between(period.from(), period.to()).toHours();
        for (int h = 0; h < hours; h++) {
            Instant from = period.from().plus(Duration.ofHours(h));
            List<CoverageRecorder.CellCoverage> cells = coverage.coverage(from, from.plus(Duration.ofHours(1)));
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
