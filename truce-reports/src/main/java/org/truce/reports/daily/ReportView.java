package org.truce.reports.daily;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.truce.implementation.Evidence;
import org.truce.implementation.ProvisionState;
import org.truce.implementation.ProvisionStatus;
import org.truce.reports.daily.DailyReport.AllegationRow;
import org.truce.reports.daily.DailyReport.CountRow;
import org.truce.reports.daily.DailyReport.CoverageRow;
import org.truce.reports.daily.DailyReport.DissentRow;
import org.truce.reports.daily.DailyReport.FindingRow;
import org.truce.reports.daily.DailyReport.OutageRow;
import org.truce.reports.daily.DailyReport.Position;
import org.truce.sensing.health.AssetStatus;

/**
 * Turns a {@link DailyReport} into what the template shows, in one language: every word from the bundle, every
 * date, number and percentage formatted for the locale, figures as PNG data URIs. The template itself holds no
 * text, only {@code {{#t}}key{{/t}}} look-ups. Stateless.
 */
final class ReportView {
    private ReportView() {}

    static Map<String, Object> of(DailyReport r, ReportMessages m) {
        Map<String, Object> v = new LinkedHashMap<>();
        DailyReport.Header h = r.header();
        Function<String, String> t = key -> m.get(key.trim());
        v.put("t", t);
        v.put("lang", m.language().code());
        v.put("fontFamily", ReportFont.FAMILY);
        v.put("edition", m.get("edition." + h.edition().name()));
        v.put("editionClass", h.edition().cliName());
        v.put("agreementTitle", h.agreementTitle());
        v.put("agreementId", h.agreementId());
        v.put("date", m.date(h.period().date()));
        v.put("period", m.format("period", Map.of("from", m.dateTime(h.period().from()), "to", m.dateTime(h.period().to()))));
        v.put("compiled", m.format("compiled", Map.of("time", m.dateTime(h.asOf()))));
        v.put("checkpoint", h.checkpoint().map(c -> m.format("checkpoint_value", Map.of("size", m.integer(c.treeSize()),
                "time", m.dateTime(c.signedAt()), "signers", String.join(", ", c.signers()),
                "origin", c.origin()))).orElse(m.get("checkpoint_none")));
        v.put("checkpointJoint", h.checkpoint().isPresent());
        v.put("checkpointRoot", h.checkpoint().map(DailyReport.CheckpointRef::rootHash).orElse(""));
        v.put("noJointData", !h.jointVerification());

        var counts = r.counts();
        long outageAssets = r.outages().stream().map(OutageRow::asset).distinct().count();
        long interference = r.outages().stream().filter(o -> o.status() == AssetStatus.PROBABLE_INTERFERENCE)
                .map(OutageRow::asset).distinct().count();
        List<String> summary = new ArrayList<>();
        summary.add(m.format("summary_incidents", Map.of("count", m.integer(counts.total()),
                "previous", m.integer(counts.previousTotal()), "change", m.change(counts.total() - counts.previousTotal()))));
        if (h.jointVerification()) {
            summary.add(m.format("summary_joint", Map.of("confirmed", m.integer(r.confirmed().size()),
                    "other", m.integer(r.otherFindings().size()), "dissents", m.integer(r.dissents().size()))));
            int pending = r.pending().notShown() + r.pending().undecided().size() + r.pending().unpublished().size();
            summary.add(m.format("summary_pending", Map.of("pending", m.integer(pending),
                    "without", m.integer(r.pending().withoutCase()))));
        }
        summary.add(m.format("summary_coverage", Map.of("observed", m.integer(r.coverage().observedAreas()),
                "areas", m.integer(r.coverage().cells().size()), "outages", m.integer(outageAssets),
                "interference", m.integer(interference))));
        v.put("summary", summary);

        v.put("byZone", rows(counts.byZone(), m, Function.identity()));
        v.put("byParty", rows(counts.byParty(), m, k -> k));
        v.put("byKind", rows(counts.byKind(), m, k -> m.getOr("kind." + k, k)));
        v.put("total", m.integer(counts.total()));
        v.put("previousTotal", m.integer(counts.previousTotal()));
        v.put("totalChange", m.change(counts.total() - counts.previousTotal()));

        v.put("joint", h.jointVerification());
        v.put("confirmed", findings(r.confirmed(), m));
        v.put("hasConfirmed", !r.confirmed().isEmpty());
        v.put("otherFindings", findings(r.otherFindings(), m));
        v.put("hasOtherFindings", !r.otherFindings().isEmpty());
        v.put("dissents", r.dissents().stream().map(d -> dissent(d, m)).toList());
        v.put("hasDissents", !r.dissents().isEmpty());

        var p = r.pending();
        List<String> pending = new ArrayList<>();
        if (p.notShown() > 0) pending.add(m.format("pending_public", Map.of("count", m.integer(p.notShown()))));
        if (!p.undecided().isEmpty()) pending.add(m.format("pending_undecided", Map.of("ids", String.join(", ", p.undecided()))));
        if (!p.unpublished().isEmpty()) pending.add(m.format("pending_unpublished", Map.of("ids", String.join(", ", p.unpublished()))));
        if (p.withoutCase() > 0) pending.add(m.format("pending_without", Map.of("count", m.integer(p.withoutCase()))));
        v.put("pending", pending);
        v.put("hasPending", !pending.isEmpty());

        v.put("allegations", r.allegations().stream().map(a -> allegation(a, m)).toList());
        v.put("hasAllegations", !r.allegations().isEmpty());
        v.put("restricted", h.edition() == Edition.RESTRICTED);

        v.put("coverageNote", m.format("coverage_note", Map.of("replayed", m.integer(r.coverage().observationsReplayed()))));
        v.put("coverage", r.coverage().cells().stream().map(c -> coverage(c, m)).toList());
        v.put("outages", r.outages().stream().map(o -> outage(o, m)).toList());
        v.put("hasOutages", !r.outages().isEmpty());
        v.put("implementation", r.implementation().stream().map(st -> implementation(st, m)).toList());
        v.put("hasImplementation", !r.implementation().isEmpty());

        v.put("mapPng", dataUri(ReportFigures.map(r.map())));
        v.put("kindsPng", dataUri(ReportFigures.kinds(counts.byKind(), m)));
        v.put("hoursPng", dataUri(ReportFigures.hours(counts.byHour(), m)));
        return v;
    }

    private static List<Map<String, Object>> rows(List<CountRow> rows, ReportMessages m, Function<String, String> label) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (CountRow r : rows) {
            Map<String, Object> x = new LinkedHashMap<>();
            String name = r.key().equals(CountRow.UNDETERMINED) ? m.get("party_undetermined") : label.apply(r.label());
            x.put("label", name);
            x.put("key", r.key());
            x.put("count", m.integer(r.count()));
            x.put("previous", m.integer(r.previous()));
            x.put("change", m.change(r.change()));
            x.put("ids", String.join(", ", r.incidentIds()));
            out.add(x);
        }
        return out;
    }

    private static List<Map<String, Object>> findings(List<FindingRow> rows, ReportMessages m) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (FindingRow f : rows) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("caseId", f.caseId());
            x.put("incidentId", f.incidentId());
            x.put("start", m.stamp(f.start()));
            x.put("zone", f.zone());
            x.put("verdict", m.get("verdict." + f.verdict()));
            x.put("provisions", String.join(", ", f.provisions()));
            x.put("attribution", f.attribution().orElse(m.get("party_undetermined")));
            x.put("confidence", f.attribution().isPresent() ? m.probability(f.confidence()) : "—");
            x.put("basis", m.get("basis." + f.basis()));
            x.put("published", published(f.published(), m));
            x.put("summary", f.summary());
            out.add(x);
        }
        return out;
    }

    private static Map<String, Object> dissent(DissentRow d, ReportMessages m) {
        Map<String, Object> x = new LinkedHashMap<>();
        x.put("title", m.format("dissent_case", Map.of("case", d.caseId(), "incident", d.incidentId(), "zone", d.zone(),
                "provision", d.provision())));
        x.put("start", m.dateTime(d.start()));
        x.put("published", published(d.published(), m));
        List<Map<String, Object>> positions = new ArrayList<>();
        for (Position p : d.positions()) {
            Map<String, Object> y = new LinkedHashMap<>();
            y.put("contingent", p.contingentName() + " (" + p.contingent() + ")");
            y.put("happened", p.happened().map(hp -> m.get("happened." + hp)).orElse(m.get("position_missing")));
            y.put("attribution", p.attribution().orElse(p.happened().isPresent() ? m.get("party_undetermined") : "—"));
            y.put("confidence", p.attribution().isPresent() ? m.probability(p.confidence()) : "—");
            y.put("statement", p.statement());
            positions.add(y);
        }
        x.put("positions", positions);
        return x;
    }

    private static Map<String, Object> allegation(AllegationRow a, ReportMessages m) {
        Map<String, Object> x = new LinkedHashMap<>();
        x.put("id", a.id());
        x.put("filedBy", a.filedBy());
        x.put("alleged", m.stamp(a.from()) + " – " + m.stamp(a.to()));
        x.put("provision", a.provision());
        x.put("status", m.get("allegation." + a.status()));
        x.put("description", a.description().orElse(""));
        x.put("reason", a.reason().orElse(""));
        x.put("matched", String.join(", ", a.matchedIncidents()));
        return x;
    }

    private static Map<String, Object> coverage(CoverageRow c, ReportMessages m) {
        Map<String, Object> x = new LinkedHashMap<>();
        x.put("area", c.zone() + " (" + c.area() + ")");
        x.put("kind", m.get("cell." + c.kind()));
        x.put("observed", m.integer(c.observedCellHours()) + " / " + m.integer(c.cellHours()) + " (" + m.percent(c.share()) + ")");
        x.put("probability", m.probability(c.probability()));
        x.put("assets", String.join(", ", c.assets()));
        x.put("never", String.join(", ", c.neverObserved()));
        return x;
    }

    private static Map<String, Object> outage(OutageRow o, ReportMessages m) {
        Map<String, Object> x = new LinkedHashMap<>();
        x.put("asset", o.asset());
        x.put("owner", o.owner());
        x.put("kind", o.kind().isEmpty() ? "" : m.getOr("asset." + o.kind(), o.kind()));
        x.put("status", m.get("status." + o.status()));
        x.put("interference", o.status() == AssetStatus.PROBABLE_INTERFERENCE);
        x.put("episodes", m.integer(o.episodes()));
        x.put("since", m.time(o.first()));
        x.put("until", o.lastEnd().map(m::time).orElse(m.get("still_out")));
        x.put("total", m.format("duration", Map.of("hours", m.integer(o.total().toHours()),
                "minutes", String.format(java.util.Locale.ROOT, "%02d", o.total().toMinutesPart()))));
        x.put("reason", o.reason());
        return x;
    }

    private static Map<String, Object> implementation(ProvisionState st, ReportMessages m) {
        Map<String, Object> x = new LinkedHashMap<>();
        x.put("provision", st.id().value());
        x.put("title", st.title());
        x.put("version", st.version().map(n -> m.format("impl_version", Map.of("version", m.integer(n)))).orElse(""));
        x.put("hasVersion", st.version().isPresent());
        x.put("status", m.get("impl_status." + st.status()));
        x.put("since", st.since().map(m::stamp).orElse(""));
        x.put("attention", st.status() == ProvisionStatus.VIOLATED || st.status() == ProvisionStatus.OVERDUE);
        x.put("reason", st.change().map(c -> m.format("impl_reason." + c.reason(), Map.of(
                "deadline", c.deadline().map(m::stamp).orElse(""),
                "version", c.version().map(m::integer).orElse("")))).orElse(""));
        List<String> evidence = new ArrayList<>();
        st.change().ifPresent(c -> c.evidence().forEach(e -> evidence.add(switch (e) {
            case Evidence.IncidentRef i -> i.id();
            case Evidence.CoverageRef c2 -> m.format("impl_evidence_coverage", Map.of("from", m.stamp(c2.from()),
                    "to", m.stamp(c2.to()), "probability", m.probability(c2.probability()),
                    "assets", String.join(", ", c2.assets())));
            case Evidence.AmendmentRef a -> m.format("impl_evidence_amendment", Map.of("version", m.integer(a.version()),
                    "adopted", m.date(a.adopted()), "source", a.source()));
        })));
        x.put("evidence", String.join("; ", evidence));
        return x;
    }

    private static String published(Optional<Instant> at, ReportMessages m) {
        return at.map(m::stamp).orElse(m.get("not_published"));
    }

    private static String dataUri(byte[] png) {
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(png);
    }
}
