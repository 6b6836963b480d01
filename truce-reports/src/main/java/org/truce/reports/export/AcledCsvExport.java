package org.truce.reports.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.truce.agreement.Party;
import org.truce.agreement.PartyRole;
import org.truce.rules.Incident;

/**
 * Incidents as CSV in the column layout of ACLED's event data export ({@link #COLUMNS}), so conflict analysts can
 * load them next to ACLED data. One row per incident; zones and tracks are not events and are left out. UTF-8, RFC
 * 4180 quoting ({@link Csv}), CRLF line ends. How each column is filled is in docs/exports.md; in short:
 * <ul>
 *   <li>event_type/sub_event_type by rule type ({@link #eventType}): a cease-fire incident is a fire event,
 *       {@code Explosions/Remote violence} / {@code Shelling/artillery/missile attack}; every other rule type is an
 *       observed movement or presence, {@code Strategic developments} / {@code Other}.</li>
 *   <li>actor1 the attributed party's name; with no party {@code Unidentified Armed Group (country)}, or
 *       {@code undetermined} when no country is given. inter1 the ACLED actor code by party role: belligerent 1
 *       (state forces), peacekeeper 8 (external/other forces), none for undetermined.</li>
 *   <li>geo_precision from the 95 % radius: up to 1 km 1, up to 10 km 2, else 3; time_precision 1 (the day is
 *       known).</li>
 *   <li>notes the summary, then the incident id and the provision with its version; tags the rule type, state and
 *       attribution confidence; timestamp the incident's last update, Unix seconds; fatalities 0 (not observed).</li>
 * </ul>
 * Stateless and thread-safe.
 */
public final class AcledCsvExport implements ExportWriter {
    /** ACLED's columns, in its order. */
    public static final List<String> COLUMNS = List.of("event_id_cnty", "event_date", "year", "time_precision",
            "disorder_type", "event_type", "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2",
            "assoc_actor_2", "inter2", "interaction", "civilian_targeting", "iso", "region", "country", "admin1",
            "admin2", "admin3", "location", "latitude", "longitude", "geo_precision", "source", "source_scale",
            "notes", "fatalities", "tags", "timestamp");

    /** ACLED's classification of one incident. */
    public record EventType(String disorderType, String eventType, String subEventType) { }

    private static final EventType FIRE =
            new EventType("Political violence", "Explosions/Remote violence", "Shelling/artillery/missile attack");
    private static final EventType STRATEGIC = new EventType("Strategic developments", "Strategic developments", "Other");

    private final AcledPlace place;

    public AcledCsvExport(AcledPlace place) {
        this.place = Objects.requireNonNull(place);
    }

    /** The ACLED classification of a rule type: fire for {@code cease-fire}, strategic development otherwise. */
    public static EventType eventType(String ruleType) {
        return "cease-fire".equals(ruleType) ? FIRE : STRATEGIC;
    }

    /** ACLED geo_precision from a 95 % radius in metres: 1 up to 1 km, 2 up to 10 km, else 3. */
    public static int geoPrecision(double radius95M) {
        if (radius95M <= 1_000) return 1;
        if (radius95M <= 10_000) return 2;
        return 3;
    }

    @Override
    public void write(ExportSet set, OutputStream out) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        w.write(Csv.record(COLUMNS));
        for (Incident i : set.incidents()) w.write(Csv.record(row(i, set)));
        w.flush();
    }

    /** The row for one incident, in {@link #COLUMNS} order. */
    public List<String> row(Incident i, ExportSet set) {
        EventType type = eventType(i.ruleType());
        Optional<Party> party = i.party().map(id -> set.parties().get(id));
        String actor1 = set.partyName(i).orElse(place.country().isEmpty() ? "undetermined"
                : "Unidentified Armed Group (" + place.country() + ")");
        String inter1 = party.map(p -> p.role() == PartyRole.PEACEKEEPER ? "8" : "1").orElse("");
        String interaction = inter1.isEmpty() ? "" : inter1 + "0";
        List<String> r = new ArrayList<>(COLUMNS.size());
        r.add(i.id());
        r.add(i.start().atOffset(ZoneOffset.UTC).toLocalDate().toString());
        r.add(Integer.toString(i.start().atOffset(ZoneOffset.UTC).getYear()));
        r.add("1");
        r.add(type.disorderType());
        r.add(type.eventType());
        r.add(type.subEventType());
        r.add(actor1);
        r.add("");
        r.add(inter1);
        r.add("");
        r.add("");
        r.add("");
        r.add(interaction);
        r.add("");
        r.add(place.iso());
        r.add(place.region());
        r.add(place.country());
        r.add("");
        r.add("");
        r.add("");
        r.add(i.zone().value());
        r.add(String.format(Locale.ROOT, "%.5f", i.place().lat()));
        r.add(String.format(Locale.ROOT, "%.5f", i.place().lon()));
        r.add(Integer.toString(geoPrecision(i.uncertaintyM())));
        r.add(set.source());
        r.add("Other");
        r.add(i.summary() + " [" + i.id() + "; provision " + i.provision().value() + " v" + i.provisionVersion() + "]");
        r.add("0");
        r.add(String.format(Locale.ROOT, "rule=%s; state=%s; attribution_confidence=%.2f",
                i.ruleType(), i.state().name().toLowerCase(Locale.ROOT), i.attributionConfidence()));
        r.add(Long.toString(i.end().getEpochSecond()));
        return r;
    }
}
