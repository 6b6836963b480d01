package org.truce.reports.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class AcledCsvExportTest {
    private static final AcledPlace AZERBAIJAN = new AcledPlace("31", "Caucasus and Central Asia", "Azerbaijan");

    @Test
    void headerIsAcledsColumnsAndEachIncidentOneRow() throws Exception {
        String csv = Fixtures.write(new AcledCsvExport(AZERBAIJAN), Fixtures.full());
        List<List<String>> rows = parse(csv);
        assertThat(rows.get(0)).containsExactlyElementsOf(AcledCsvExport.COLUMNS).hasSize(31);
        assertThat(rows).hasSize(1 + 3);
        rows.forEach(r -> assertThat(r).hasSize(31));
        assertThat(csv).contains("\r\n");
    }

    @Test
    void aFireIncidentIsShellingByTheAttributedParty() throws Exception {
        List<String> r = row(Fixtures.write(new AcledCsvExport(AZERBAIJAN), Fixtures.full()), 1);
        assertThat(col(r, "event_id_cnty")).isEqualTo("INC-2020-11-14-0042");
        assertThat(col(r, "event_date")).isEqualTo("2020-11-14");
        assertThat(col(r, "year")).isEqualTo("2020");
        assertThat(col(r, "time_precision")).isEqualTo("1");
        assertThat(col(r, "disorder_type")).isEqualTo("Political violence");
        assertThat(col(r, "event_type")).isEqualTo("Explosions/Remote violence");
        assertThat(col(r, "sub_event_type")).isEqualTo("Shelling/artillery/missile attack");
        assertThat(col(r, "actor1")).isEqualTo("Armenia");
        assertThat(col(r, "inter1")).isEqualTo("1");
        assertThat(col(r, "interaction")).isEqualTo("10");
        assertThat(col(r, "iso")).isEqualTo("31");
        assertThat(col(r, "country")).isEqualTo("Azerbaijan");
        assertThat(col(r, "latitude")).isEqualTo("39.81234");
        assertThat(col(r, "longitude")).isEqualTo("46.75123");
        assertThat(col(r, "geo_precision")).isEqualTo("1");
        assertThat(col(r, "source")).isEqualTo("Truce test center");
        assertThat(col(r, "notes")).isEqualTo("Artillery fire, 3 rounds [INC-2020-11-14-0042; provision p1-ceasefire v1]");
        assertThat(col(r, "fatalities")).isEqualTo("0");
        assertThat(col(r, "timestamp")).isEqualTo(Long.toString(java.time.Instant.parse("2020-11-14T10:20:00Z").getEpochSecond()));
    }

    @Test
    void anUnattributedMovementIsAStrategicDevelopmentByAnUnidentifiedGroup() throws Exception {
        List<String> r = row(Fixtures.write(new AcledCsvExport(AZERBAIJAN), Fixtures.full()), 2);
        assertThat(col(r, "disorder_type")).isEqualTo("Strategic developments");
        assertThat(col(r, "event_type")).isEqualTo("Strategic developments");
        assertThat(col(r, "sub_event_type")).isEqualTo("Other");
        assertThat(col(r, "actor1")).isEqualTo("Unidentified Armed Group (Azerbaijan)");
        assertThat(col(r, "inter1")).isEmpty();
        assertThat(col(r, "geo_precision")).isEqualTo("2");
        assertThat(col(r, "notes")).isEqualTo(Fixtures.AWKWARD + " [INC-2020-11-15-0001; provision p6-kalbajar v2]");
        List<String> unknown = row(Fixtures.write(new AcledCsvExport(AcledPlace.UNKNOWN), Fixtures.full()), 2);
        assertThat(col(unknown, "actor1")).isEqualTo("undetermined");
        assertThat(col(unknown, "country")).isEmpty();
    }

    @Test
    void peacekeepersAreExternalForcesAndWideUncertaintyIsPrecisionThree() throws Exception {
        List<String> r = row(Fixtures.write(new AcledCsvExport(AZERBAIJAN), Fixtures.full()), 3);
        assertThat(col(r, "actor1")).isEqualTo("Russian peacekeeping force");
        assertThat(col(r, "inter1")).isEqualTo("8");
        assertThat(col(r, "geo_precision")).isEqualTo("3");
    }

    @Test
    void geoPrecisionThresholdsAreInclusive() {
        assertThat(AcledCsvExport.geoPrecision(1_000)).isEqualTo(1);
        assertThat(AcledCsvExport.geoPrecision(1_000.1)).isEqualTo(2);
        assertThat(AcledCsvExport.geoPrecision(10_000)).isEqualTo(2);
        assertThat(AcledCsvExport.geoPrecision(10_000.1)).isEqualTo(3);
    }

    @Test
    void everyRuleTypeOtherThanCeaseFireIsStrategic() {
        for (String t : List.of("hold-positions", "withdraw-by", "corridor-control", "force-cap", "restricted-movement")) {
            assertThat(AcledCsvExport.eventType(t).subEventType()).as(t).isEqualTo("Other");
        }
    }

    @Test
    void csvQuotesCommasQuotesNewlinesAndEdgeSpaces() {
        assertThat(Csv.field("plain")).isEqualTo("plain");
        assertThat(Csv.field("a,b")).isEqualTo("\"a,b\"");
        assertThat(Csv.field("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(Csv.field("one\ntwo")).isEqualTo("\"one\ntwo\"");
        assertThat(Csv.field(" lead")).isEqualTo("\" lead\"");
        assertThat(Csv.field("")).isEmpty();
    }

    @Test
    void acledIsoMustBeNumeric() {
        assertThatThrownBy(() -> new AcledPlace("AZE", "", "")).hasMessageContaining("numeric");
    }

    @Property(tries = 300)
    void anyRecordParsesBackToItsFields(@ForAll List<String> fields) {
        if (fields.isEmpty()) return;
        List<List<String>> parsed = parse(Csv.record(fields));
        assertThat(parsed).hasSize(1);
        assertThat(parsed.get(0)).containsExactlyElementsOf(fields);
    }

    private static List<String> row(String csv, int n) {
        return parse(csv).get(n);
    }

    private static String col(List<String> row, String column) {
        return row.get(AcledCsvExport.COLUMNS.indexOf(column));
    }

    /** An independent RFC 4180 reader: records end with CRLF outside quotes. */
    static List<List<String>> parse(String csv) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        int i = 0;
        while (i < csv.length()) {
            char c = csv.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') { field.append('"'); i += 2; continue; }
                if (c == '"') { quoted = false; i++; continue; }
                field.append(c); i++;
            } else if (c == '"') {
                quoted = true; i++;
            } else if (c == ',') {
                row.add(field.toString()); field.setLength(0); i++;
            } else if (c == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') {
                row.add(field.toString()); field.setLength(0); rows.add(row); row = new ArrayList<>(); i += 2;
            } else {
                field.append(c); i++;
            }
        }
        if (quoted) throw new AssertionError("unterminated quoted field");
        if (!row.isEmpty() || field.length() > 0) throw new AssertionError("last record lacks CRLF");
        return rows;
    }
}
