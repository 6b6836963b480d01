package org.truce.server.cases;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.truce.ground.ProvisionId;
import org.truce.cases.Area;
import org.truce.geo.GeoPoint;
import org.truce.server.api.ProblemException;

/**
 * Reads allegations from CSV (RFC 4180, UTF-8, a header row naming the {@link #COLUMNS} in any order). Each row
 * is checked on its own: a bad row becomes a {@link RowError} naming its record number (the header is 1) and the
 * column, and never stops the good rows. A header that lacks a required column or names an unknown one refuses
 * the whole file (400), since then no row can be read as meant. Stateless.
 *
 * <p>Columns: {@code from}, {@code to} (ISO-8601 with offset; {@code to} may be empty for a moment),
 * {@code lat}, {@code lon} (WGS 84 degrees), {@code radius_m} (metres, ≥ 0), {@code description},
 * {@code provision} (an id of the agreement), {@code sources} ({@code |}-separated, may be empty).
 */
final class AllegationCsv {
    static final List<String> COLUMNS = List.of("from", "to", "lat", "lon", "radius_m", "description", "provision", "sources");
    private static final Set<String> OPTIONAL = Set.of("to", "sources");
    private static final CsvMapper CSV = new CsvMapper();

    /** A row that can be filed. */
    record Row(long line, Instant from, Instant to, Area area, String description, ProvisionId provision,
               List<String> sources) {}

    /** Why one row (or one field of it) was not accepted. */
    record RowError(long line, String field, String detail) {}

    record Result(List<Row> rows, List<RowError> errors) {}

    private AllegationCsv() {}

    static Result parse(String text, Set<String> provisions) {
        List<List<String>> records = new ArrayList<>();
        try (MappingIterator<String[]> it = CSV.readerFor(String[].class).with(CsvParser.Feature.WRAP_AS_ARRAY)
                .readValues(text)) {
            while (it.hasNextValue()) records.add(Arrays.asList(it.nextValue()));
        } catch (IOException | RuntimeException e) {
            throw ProblemException.malformedBody("the body is not well-formed CSV after record " + (records.size())
                    + ": " + e.getMessage(), records.size() + 1, 0);
        }
        if (records.isEmpty()) throw ProblemException.badBody("header", "the CSV is empty; the first row must name the columns "
                + String.join(",", COLUMNS));
        Map<String, Integer> index = header(records.get(0));
        List<Row> rows = new ArrayList<>();
        List<RowError> errors = new ArrayList<>();
        for (int i = 1; i < records.size(); i++) {
            List<String> r = records.get(i);
            long line = i + 1;
            if (r.stream().allMatch(String::isBlank)) continue;
            List<RowError> rowErrors = new ArrayList<>();
            java.util.function.Function<String, String> cell = c -> index.get(c) != null && index.get(c) < r.size()
                    ? r.get(index.get(c)).strip() : "";
            Instant from = instant(cell.apply("from"), "from", line, rowErrors, true);
            Instant to = instant(cell.apply("to"), "to", line, rowErrors, false);
            Double lat = number(cell.apply("lat"), "lat", line, rowErrors);
            Double lon = number(cell.apply("lon"), "lon", line, rowErrors);
            Double radius = number(cell.apply("radius_m"), "radius_m", line, rowErrors);
            String description = cell.apply("description");
            if (description.isEmpty()) rowErrors.add(new RowError(line, "description", "description is empty"));
            String provision = cell.apply("provision");
            if (!provisions.contains(provision)) {
                rowErrors.add(new RowError(line, "provision", "provision '" + provision + "' is not one of the agreement's: "
                        + String.join(", ", new java.util.TreeSet<>(provisions))));
            }
            Area area = null;
            if (lat != null && lon != null && radius != null) {
                try {
                    area = new Area.Circle(GeoPoint.of(lat, lon), radius);
                } catch (IllegalArgumentException e) {
                    rowErrors.add(new RowError(line, radius < 0 || !Double.isFinite(radius) ? "radius_m" : "lat/lon", e.getMessage()));
                }
            }
            if (r.size() > index.size()) {
                rowErrors.add(new RowError(line, "-", "row has " + r.size() + " cells, the header names " + index.size()));
            }
            if (!rowErrors.isEmpty()) {
                errors.addAll(rowErrors);
                continue;
            }
            List<String> sources = Arrays.stream(cell.apply("sources").split("\\|")).map(String::strip)
                    .filter(s -> !s.isEmpty()).toList();
            rows.add(new Row(line, from, to == null ? from : to, area, description, ProvisionId.of(provision), sources));
        }
        return new Result(rows, errors);
    }

    private static Map<String, Integer> header(List<String> names) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            String n = names.get(i).strip().toLowerCase(java.util.Locale.ROOT);
            if (!COLUMNS.contains(n)) {
                throw ProblemException.badBody("header", "unknown column '" + names.get(i) + "' in the header; the columns are "
                        + String.join(",", COLUMNS));
            }
            if (index.put(n, i) != null) throw ProblemException.badBody("header", "column '" + n + "' is named twice");
        }
        for (String c : COLUMNS) {
            if (!OPTIONAL.contains(c) && !index.containsKey(c)) {
                throw ProblemException.badBody("header", "the header lacks column '" + c + "'; the columns are "
                        + String.join(",", COLUMNS));
            }
        }
        return index;
    }

    private static Instant instant(String s, String field, long line, List<RowError> errors, boolean required) {
        if (s.isEmpty()) {
            if (required) errors.add(new RowError(line, field, field + " is empty"));
            return null;
        }
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            errors.add(new RowError(line, field, field + " must be an ISO-8601 date-time with offset, such as "
                    + "2020-11-14T21:00:00Z; got '" + s + "'"));
            return null;
        }
    }

    private static Double number(String s, String field, long line, List<RowError> errors) {
        try {
            double d = Double.parseDouble(s);
            if (Double.isFinite(d)) return d;
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.add(new RowError(line, field, field + " must be a number; got '" + s + "'"));
        return null;
    }

}
