package org.truce.reports.daily;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.truce.implementation.ZoneCoverage;
import org.truce.reports.daily.DailyReport.CoverageRow;
import org.truce.reports.daily.DailyReport.CoverageSection;
import org.truce.reports.daily.DailyReport.OutageRow;
import org.truce.sensing.health.AssetStatus;

/**
 * {@link DayFacts} as a JSON text, written field by field (the report's records carry no mapping annotations).
 * Doubles are written in their shortest exact form, so a day's facts read back equal those written. A text of
 * another {@link DayFacts#VERSION}, or one that does not parse, reads as empty: the caller computes the day again
 * rather than trusting it. Stateless, thread-safe.
 */
final class DayFactsCodec {
    private static final ObjectMapper JSON = new ObjectMapper();

    private DayFactsCodec() {}

    static String write(DayFacts f) {
        ObjectNode root = JSON.createObjectNode();
        root.put("version", DayFacts.VERSION);
        root.put("date", f.date().toString());
        f.newest().ifPresent(n -> root.put("newest", n.toString()));
        ObjectNode cov = root.putObject("coverage");
        cov.put("hours", f.coverage().hours());
        cov.put("observationsReplayed", f.coverage().observationsReplayed());
        ArrayNode cells = cov.putArray("cells");
        for (CoverageRow r : f.coverage().cells()) {
            ObjectNode c = cells.addObject();
            c.put("area", r.area()).put("kind", r.kind()).put("zone", r.zone()).put("cells", r.cells())
                    .put("observedCellHours", r.observedCellHours()).put("cellHours", r.cellHours())
                    .put("probability", r.probability());
            strings(c.putArray("assets"), r.assets());
            strings(c.putArray("neverObserved"), r.neverObserved());
        }
        ArrayNode outages = root.putArray("outages");
        for (OutageRow o : f.outages()) {
            ObjectNode n = outages.addObject();
            n.put("asset", o.asset()).put("owner", o.owner()).put("kind", o.kind()).put("status", o.status().name())
                    .put("episodes", o.episodes()).put("first", o.first().toString())
                    .put("total", o.total().toString()).put("reason", o.reason());
            o.lastEnd().ifPresent(e -> n.put("lastEnd", e.toString()));
        }
        ObjectNode share = root.putObject("observedShareByHour");
        f.observedShareByHour().forEach((h, v) -> share.put(h.toString(), v));
        ObjectNode watches = root.putObject("zoneWatches");
        f.zoneWatches().forEach((zone, list) -> {
            ArrayNode a = watches.putArray(zone);
            for (ZoneCoverage.Watch w : list) {
                ObjectNode n = a.addObject();
                n.put("from", w.from().toString()).put("to", w.to().toString()).put("probability", w.probability());
                strings(n.putArray("assets"), w.assets());
            }
        });
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the facts of " + f.date(), e);
        }
    }

    /** The facts in {@code text}, or empty when it is of another version or not readable as facts of {@code date}. */
    static Optional<DayFacts> read(LocalDate date, String text) {
        try {
            JsonNode root = JSON.readTree(text);
            if (root == null || root.path("version").asInt(-1) != DayFacts.VERSION) return Optional.empty();
            if (!date.toString().equals(root.path("date").asText())) return Optional.empty();
            JsonNode cov = root.required("coverage");
            List<CoverageRow> rows = new ArrayList<>();
            for (JsonNode c : cov.required("cells")) {
                rows.add(new CoverageRow(c.required("area").asText(), c.required("kind").asText(),
                        c.required("zone").asText(), c.required("cells").asInt(), c.required("observedCellHours").asInt(),
                        c.required("cellHours").asInt(), c.required("probability").asDouble(), strings(c.required("assets")),
                        strings(c.required("neverObserved"))));
            }
            CoverageSection section = new CoverageSection(cov.required("hours").asInt(), rows,
                    cov.required("observationsReplayed").asLong());
            List<OutageRow> outages = new ArrayList<>();
            for (JsonNode n : root.required("outages")) {
                outages.add(new OutageRow(n.required("asset").asText(), n.required("owner").asText(),
                        n.required("kind").asText(), AssetStatus.valueOf(n.required("status").asText()),
                        n.required("episodes").asInt(), Instant.parse(n.required("first").asText()),
                        n.has("lastEnd") ? Optional.of(Instant.parse(n.get("lastEnd").asText())) : Optional.empty(),
                        Duration.parse(n.required("total").asText()), n.required("reason").asText()));
            }
            Map<Instant, Double> share = new TreeMap<>();
            root.required("observedShareByHour").properties()
                    .forEach(e -> share.put(Instant.parse(e.getKey()), e.getValue().asDouble()));
            Map<String, List<ZoneCoverage.Watch>> watches = new LinkedHashMap<>();
            root.required("zoneWatches").properties().forEach(e -> {
                List<ZoneCoverage.Watch> list = new ArrayList<>();
                for (JsonNode w : e.getValue()) {
                    list.add(new ZoneCoverage.Watch(Instant.parse(w.required("from").asText()),
                            Instant.parse(w.required("to").asText()), w.required("probability").asDouble(),
                            strings(w.required("assets"))));
                }
                watches.put(e.getKey(), list);
            });
            Optional<Instant> newest = root.has("newest") ? Optional.of(Instant.parse(root.get("newest").asText()))
                    : Optional.empty();
            return Optional.of(new DayFacts(date, section, outages, share, watches, newest));
        } catch (JsonProcessingException | RuntimeException e) {
            // Unreadable kept facts are not an error for the report: they are computed again from the log.
            return Optional.empty();
        }
    }

    private static void strings(ArrayNode a, List<String> values) {
        values.forEach(a::add);
    }

    private static List<String> strings(JsonNode a) {
        List<String> out = new ArrayList<>();
        a.forEach(n -> out.add(n.asText()));
        return out;
    }
}
