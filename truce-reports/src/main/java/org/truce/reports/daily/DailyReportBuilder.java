package org.truce.reports.daily;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import org.truce.agreement.Agreement;
import org.truce.agreement.Contingent;
import org.truce.agreement.Party;
import org.truce.ground.PartyId;
import org.truce.ground.ProvisionId;
import org.truce.agreement.Zone;
import org.truce.cases.Allegation;
import org.truce.cases.AllegationRepository;
import org.truce.cases.Case;
import org.truce.cases.CaseRepository;
import org.truce.cases.CaseState;
import org.truce.cases.CaseView;
import org.truce.cases.Dissent;
import org.truce.cases.Finding;
import org.truce.cases.Principal;
import org.truce.cases.Verdict;
import org.truce.cases.Visibility;
import org.truce.implementation.ImplementationTracker;
import org.truce.implementation.IncidentSource;
import org.truce.implementation.ProvisionState;
import org.truce.ledger.CheckpointStore;
import org.truce.reports.daily.DailyReport.AllegationRow;
import org.truce.reports.daily.DailyReport.CountRow;
import org.truce.reports.daily.DailyReport.Counts;
import org.truce.reports.daily.DailyReport.Dimension;
import org.truce.reports.daily.DailyReport.DissentRow;
import org.truce.reports.daily.DailyReport.FindingRow;
import org.truce.reports.daily.DailyReport.HourCount;
import org.truce.reports.daily.DailyReport.MapData;
import org.truce.reports.daily.DailyReport.MapIncident;
import org.truce.reports.daily.DailyReport.Pending;
import org.truce.reports.daily.DailyReport.Position;
import org.truce.rules.Incident;
import org.truce.store.AssetRegistry;
import org.truce.store.IncidentRepository;
import org.truce.store.ObservationLog;

/**
 * Builds a {@link DailyReport} from the center's ports only, so the same code serves a running center, a data
 * directory and a test's in-memory store. Cases pass through {@link Visibility#redact} as the public (public
 * edition) or as an auditor (restricted edition): only outcomes are read, never an assessment slot, so nothing
 * blind can reach a report. Deterministic for the same inputs and {@code asOf}. Stateless and thread-safe; the
 * ports must be.
 */
public final class DailyReportBuilder {
    /** The user id the restricted edition reads cases as (an auditor: oversight, no contingent). */
    public static final String READER = "daily-report";

    /**
     * What a report is built from.
     *
     * @param joint the case and allegation stores; empty where the data holds none (the report then says so)
     * @param days  where the per-day sensor aggregates are kept; with one, a report of a whole UTC day reads the
     *              facts of its day and the six before (computing and keeping those missing, once) instead of
     *              replaying the log's week; without, every report replays
     */
    public record Sources(Agreement agreement, IncidentRepository incidents, ObservationLog observations,
                          AssetRegistry assets, Optional<JointVerification> joint, CheckpointStore checkpoints,
                          Optional<DayFactsStore> days) {
        public Sources {
            Objects.requireNonNull(agreement); Objects.requireNonNull(incidents); Objects.requireNonNull(observations);
            Objects.requireNonNull(assets); Objects.requireNonNull(joint); Objects.requireNonNull(checkpoints);
            Objects.requireNonNull(days);
        }

        /** Sources without kept per-day aggregates: every report replays the log. */
        public Sources(Agreement agreement, IncidentRepository incidents, ObservationLog observations,
                       AssetRegistry assets, Optional<JointVerification> joint, CheckpointStore checkpoints) {
            this(agreement, incidents, observations, assets, joint, checkpoints, Optional.empty());
        }

        /** The same sources, keeping per-day aggregates in {@code store}. */
        public Sources withDays(DayFactsStore store) {
            return new Sources(agreement, incidents, observations, assets, joint, checkpoints, Optional.of(store));
        }
    }

    /** The joint-verification stores: cases and allegations. */
    public record JointVerification(CaseRepository cases, AllegationRepository allegations) {
        public JointVerification {
            Objects.requireNonNull(cases); Objects.requireNonNull(allegations);
        }
    }

    /**
     * What the accepted-input log says about a period's sensors, and what the implementation tracker makes of it
     * with the incidents: the costly part of a report (it replays the log), the same for every edition and
     * language, so it can be computed once and reused.
     *
     * @param observedShareByHour per hour of the period, the share of coverage cells observed in it
     * @param implementation      every provision's status at the period's end, in agreement order
     */
    public record SensorFacts(ReportPeriod period, DailyReport.CoverageSection coverage, List<DailyReport.OutageRow> outages,
                              Map<Instant, Double> observedShareByHour, List<ProvisionState> implementation) {
        public SensorFacts {
            Objects.requireNonNull(period); Objects.requireNonNull(coverage);
            outages = List.copyOf(outages);
            implementation = List.copyOf(implementation);
            observedShareByHour = java.util.Collections.unmodifiableMap(new TreeMap<>(observedShareByHour));
        }
    }

    private DailyReportBuilder() {}

    /**
     * Replays the period's part of the log (coverage, outages and interference) and computes the implementation
     * tracker's statuses at the period's end from the incidents and the replayed coverage.
     */
    public static SensorFacts sensors(Sources src, ReportPeriod period) {
        if (src.days().isPresent() && DailyFacts.isWholeDay(period)) {
            return DailyFacts.sensors(src, src.days().get(), period);
        }
        if (src.days().isPresent() && DailyFacts.isWholeHours(period)) {
            return DailyFacts.sensorsWithCutoff(src, src.days().get(), period);
        }
        SensorReplay replay = SensorReplay.forReport(src.agreement(), src.assets(), period);
        replay.run(src.observations());
        return new SensorFacts(period, replay.coverage(), replay.outages(), replay.observedShareByHour(),
                implementation(src, period, replay.zoneCoverage()));
    }

    /** Every provision's status at the period's end, from the incidents and the given coverage of the zones. */
    static List<ProvisionState> implementation(Sources src, ReportPeriod period, org.truce.implementation.ZoneCoverage zones) {
        ImplementationTracker tracker = new ImplementationTracker(src.agreement(),
                IncidentSource.of(src.incidents().all()), zones, InstantSource.fixed(period.to()),
                ImplementationTracker.Config.defaults());
        return tracker.statusAll(period.to());
    }

    /**
     * @param asOf when the report is made: cases and allegations are shown as they stand at this instant
     */
    public static DailyReport build(Sources src, ReportPeriod period, Edition edition, Instant asOf) {
        return build(src, edition, asOf, sensors(src, period));
    }

    /** As {@link #build(Sources, ReportPeriod, Edition, Instant)}, with the period's sensor facts already replayed. */
    public static DailyReport build(Sources src, Edition edition, Instant asOf, SensorFacts facts) {
        ReportPeriod period = facts.period();
        Agreement ag = src.agreement();
        ReportPeriod prev = period.previous();
        List<Incident> all = src.incidents().all();
        List<Incident> today = all.stream().filter(i -> period.contains(i.start())).toList();
        List<Incident> before = all.stream().filter(i -> prev.contains(i.start())).toList();
        Map<String, Incident> byId = new LinkedHashMap<>();
        all.forEach(i -> byId.put(i.id(), i));

        Map<Instant, Double> shareByHour = facts.observedShareByHour();
        List<HourCount> byHour = new ArrayList<>();
        shareByHour.forEach((hour, share) -> byHour.add(new HourCount(hour, (int) today.stream()
                .filter(i -> !i.start().isBefore(hour) && i.start().isBefore(hour.plus(Duration.ofHours(1)))).count(), share)));

        Counts counts = new Counts(today.size(), before.size(),
                rows(Dimension.ZONE, today, before, i -> i.zone().value(),
                        k -> ag.zones().values().stream().filter(z -> z.id().value().equals(k)).map(Zone::name).findFirst().orElse(k)),
                rows(Dimension.PARTY, today, before, i -> i.party().map(PartyId::value).orElse(CountRow.UNDETERMINED),
                        k -> partyName(ag, k)),
                rows(Dimension.KIND, today, before, Incident::ruleType, k -> k),
                today.stream().map(Incident::id).toList(), byHour);

        Principal reader = edition == Edition.PUBLIC ? Principal.anonymous() : Principal.auditor(READER);
        List<FindingRow> confirmed = new ArrayList<>();
        List<FindingRow> other = new ArrayList<>();
        List<DissentRow> dissents = new ArrayList<>();
        List<String> undecided = new ArrayList<>();
        List<String> unpublished = new ArrayList<>();
        int notShown = 0;
        int withoutCase = today.size();
        List<AllegationRow> allegations = new ArrayList<>();
        if (src.joint().isPresent()) {
            java.util.Set<String> todayIds = new java.util.HashSet<>(counts.incidentIds());
            List<Case> cases = src.joint().get().cases().all().stream().filter(c -> todayIds.contains(c.incidentId())).toList();
            withoutCase -= (int) cases.stream().map(Case::incidentId).distinct().count();
            for (Case c : cases) {
                Optional<CaseView> seen = Visibility.redact(c, reader, asOf);
                if (seen.isEmpty()) {
                    notShown++;
                    continue;
                }
                CaseView v = seen.get();
                Incident inc = byId.get(v.incidentId());
                switch (v.state()) {
                    case ASSESSING, RECONCILING -> undecided.add(v.id().value());
                    default -> {
                        if (v.state() != CaseState.PUBLISHED) unpublished.add(v.id().value());
                        Optional<Instant> published = v.published();
                        if (v.outcome().orElseThrow() instanceof Finding f) {
                            FindingRow row = finding(ag, v, f, inc, published);
                            (f.verdict() == Verdict.CONFIRMED ? confirmed : other).add(row);
                        } else if (v.outcome().orElseThrow() instanceof Dissent d) {
                            dissents.add(dissent(ag, v, d, inc, published));
                        }
                    }
                }
            }
            for (Allegation a : src.joint().get().allegations().all()) {
                boolean overlaps = a.from().isBefore(period.to()) && !a.to().isBefore(period.from());
                if (!overlaps && !period.contains(a.filed())) continue;
                boolean restricted = edition == Edition.RESTRICTED;
                allegations.add(new AllegationRow(a.id().value(), partyName(ag, a.filedBy().value()), a.from(), a.to(),
                        a.provision().value(), a.status().name(),
                        restricted ? Optional.of(a.description()) : Optional.empty(),
                        restricted ? Optional.of(a.reason()) : Optional.empty(), a.matchedIncidents()));
            }
        }
        Comparator<FindingRow> byStart = Comparator.comparing(FindingRow::start).thenComparing(FindingRow::caseId);
        confirmed.sort(byStart);
        other.sort(byStart);
        dissents.sort(Comparator.comparing(DissentRow::start).thenComparing(DissentRow::caseId));

        MapData map = new MapData(List.copyOf(ag.zones().values()),
                today.stream().map(i -> new MapIncident(i.id(), i.place().lon(), i.place().lat(), i.uncertaintyM())).toList(),
                confirmed.stream().map(FindingRow::incidentId).toList());
        DailyReport.Header header = new DailyReport.Header(ag.id(), ag.title(), period, edition, asOf,
                CheckpointSelector.latestJoint(src.checkpoints(), period.to()), src.joint().isPresent(),
                facts.coverage().observationsReplayed());
        return new DailyReport(header, counts, confirmed, other, dissents,
                new Pending(Math.max(0, withoutCase), notShown, undecided, unpublished), allegations,
                facts.coverage(), facts.outages(), facts.implementation(), map);
    }

    private static List<CountRow> rows(Dimension dim, List<Incident> today, List<Incident> before,
                                       Function<Incident, String> key, Function<String, String> label) {
        Map<String, List<String>> now = new TreeMap<>();
        Map<String, Integer> prev = new TreeMap<>();
        today.forEach(i -> now.computeIfAbsent(key.apply(i), k -> new ArrayList<>()).add(i.id()));
        before.forEach(i -> prev.merge(key.apply(i), 1, Integer::sum));
        java.util.Set<String> keys = new java.util.TreeSet<>(now.keySet());
        keys.addAll(prev.keySet());
        List<CountRow> out = new ArrayList<>();
        for (String k : keys) {
            List<String> ids = now.getOrDefault(k, List.of());
            out.add(new CountRow(dim, k, label.apply(k), ids.size(), prev.getOrDefault(k, 0), ids));
        }
        out.sort(Comparator.comparingInt(CountRow::count).reversed().thenComparing(CountRow::key));
        return out;
    }

    private static String partyName(Agreement ag, String id) {
        if (id.isEmpty()) return id;
        return ag.party(new PartyId(id)).map(Party::name).orElse(id);
    }

    private static String zoneName(Agreement ag, Optional<Incident> inc) {
        return inc.map(i -> ag.zone(i.zone()).map(Zone::name).orElse(i.zone().value())).orElse("");
    }

    private static FindingRow finding(Agreement ag, CaseView v, Finding f, Incident inc, Optional<Instant> published) {
        Optional<Incident> i = Optional.ofNullable(inc);
        return new FindingRow(v.id().value(), v.incidentId(), i.map(Incident::start).orElse(v.opened()), zoneName(ag, i),
                f.verdict().name(), f.provisions().stream().map(ProvisionId::value).toList(),
                f.attribution().map(p -> partyName(ag, p.value())), f.confidence(), f.basis().name(), published,
                i.map(Incident::summary).orElse(""));
    }

    private static DissentRow dissent(Agreement ag, CaseView v, Dissent d, Incident inc, Optional<Instant> published) {
        Optional<Incident> i = Optional.ofNullable(inc);
        List<Position> positions = d.positions().stream().map(p -> new Position(p.contingent().value(),
                ag.contingent(p.contingent()).map(Contingent::name).orElse(p.contingent().value()),
                p.assessment().map(a -> a.happened().name()),
                p.assessment().flatMap(a -> a.attribution()).map(x -> partyName(ag, x.value())),
                p.assessment().map(a -> a.confidence()).orElse(0.0), p.statement())).toList();
        return new DissentRow(v.id().value(), v.incidentId(), i.map(Incident::start).orElse(v.opened()), zoneName(ag, i),
                v.provision().value(), positions, published);
    }
}
