package org.truce.reports.export;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The export formats, by the name the command line uses. */
public enum ExportFormat {
    GEOJSON("geojson", "geojson"),
    KML("kml", "kml"),
    COT("cot", "xml"),
    ACLED("acled", "csv");

    private final String cliName;
    private final String extension;

    ExportFormat(String cliName, String extension) {
        this.cliName = cliName;
        this.extension = extension;
    }

    /** The name on the command line ({@code kml}, {@code geojson}, {@code acled}, {@code cot}). */
    public String cliName() { return cliName; }

    /** The usual file extension, without the dot. */
    public String extension() { return extension; }

    /** The format named {@code name} (case-insensitive), or empty. */
    public static Optional<ExportFormat> parse(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(f -> f.cliName.equals(n)).findFirst();
    }

    /** The names accepted by {@link #parse}, for messages. */
    public static String names() {
        return Arrays.stream(values()).map(ExportFormat::cliName).collect(Collectors.joining(", "));
    }

    /** A writer with default options (the ACLED writer without country, ISO code or region). */
    public ExportWriter writer() {
        return switch (this) {
            case GEOJSON -> new GeoJsonExport();
            case KML -> new KmlExport();
            case COT -> new CotExport();
            case ACLED -> new AcledCsvExport(AcledPlace.UNKNOWN);
        };
    }
}
