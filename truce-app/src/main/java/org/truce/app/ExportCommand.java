package org.truce.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.Optional;
import org.truce.agreement.Agreement;
import org.truce.airspace.FlightPlan;
import org.truce.fusion.Track;
import org.truce.reports.export.AcledCsvExport;
import org.truce.reports.export.AcledPlace;
import org.truce.reports.export.ExportFormat;
import org.truce.reports.export.ExportSet;
import org.truce.reports.export.ExportWriter;
import org.truce.rules.Incident;
import org.truce.store.jdbc.JdbcStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code truce export}: writes the incidents of a data directory (as {@code truce serve} or {@code truce simulate
 * --data} left it) that overlap a time window to a file in an open format, with the scenario's zones when
 * {@code --scenario} is given. Reads only; the file appears complete or not at all (written beside it, then moved).
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Exports the incidents (optionally tracks and flight plans) of a data directory to KML (Google Earth), GeoJSON, Cursor on Target",
                "XML (TAK) or ACLED-layout CSV. See docs/exports.md. The data directory must not be in use by a",
                "running truce serve (its H2 file is locked while the server runs)."})
final class ExportCommand implements Callable<Integer> {
    @Option(names = "--data", paramLabel = "DIR", required = true, description = "the data directory of a center")
    Path data;

    @Option(names = "--format", paramLabel = "FORMAT", required = true, description = "kml, geojson, acled or cot")
    String format;

    @Option(names = "--from", paramLabel = "TIME", description = "only incidents still going on at or after TIME (ISO-8601 UTC)")
    String from;

    @Option(names = "--to", paramLabel = "TIME", description = "only incidents started at or before TIME (ISO-8601 UTC)")
    String to;

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "the file to write")
    Path out;

    @Option(names = "--scenario", paramLabel = "DIR", description = "add the zones and party names of this scenario's agreement")
    Path scenario;

    @Option(names = "--tracks", description = {"also export the latest estimate of each track updated in the window",
            "(kml, geojson, cot; ACLED rows are incidents only)"})
    boolean tracks;

    @Option(names = "--flight-plans", description = {"also export the flight plans whose window overlaps the window",
            "(kml, geojson, cot; ACLED rows are incidents only)"})
    boolean flightPlans;

    @Option(names = "--acled-country", paramLabel = "NAME", defaultValue = "", description = "ACLED country column (acled only)")
    String acledCountry;

    @Option(names = "--acled-iso", paramLabel = "CODE", defaultValue = "", description = "ACLED iso column, ISO 3166-1 numeric (acled only)")
    String acledIso;

    @Option(names = "--acled-region", paramLabel = "NAME", defaultValue = "", description = "ACLED region column (acled only)")
    String acledRegion;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        ExportFormat f = ExportFormat.parse(format).orElseThrow(() ->
                new UserError("--format '" + format + "': unknown format; use one of " + ExportFormat.names()));
        Instant fromTime = from == null ? Instant.MIN : time("--from", from);
        Instant toTime = to == null ? Instant.MAX : time("--to", to);
        if (toTime.isBefore(fromTime)) throw new UserError("--to " + to + " is before --from " + from);
        ExportWriter writer = writer(f);
        if (!Files.isDirectory(data)) {
            throw new UserError("--data " + data + ": no such directory (give the data directory of truce serve or simulate --data)");
        }
        if (!Files.isRegularFile(data.resolve(JdbcStore.H2_DATABASE_NAME + ".mv.db"))) {
            throw new UserError("--data " + data + ": no Truce store in it (no " + JdbcStore.H2_DATABASE_NAME + ".mv.db)");
        }
        Agreement agreement = scenario == null ? null : Scenarios.load(scenario);
        List<Incident> incidents;
        List<Track> trackList;
        List<FlightPlan> planList;
        String source;
        try (JdbcStore store = open(data)) {
            incidents = store.incidents().all().stream()
                    .filter(i -> !i.end().isBefore(fromTime) && !i.start().isAfter(toTime))
                    .toList();
            // Tracks keep only their latest estimate: those last updated inside the window.
            trackList = !tracks ? List.of() : store.tracks().updatedSince(fromTime == Instant.MIN ? Instant.EPOCH : fromTime)
                    .stream().filter(t -> !t.time().isAfter(toTime)).toList();
            planList = !flightPlans ? List.of() : store.flightPlanRepository().query(
                    fromTime == Instant.MIN ? Optional.empty() : Optional.of(fromTime),
                    toTime == Instant.MAX ? Optional.empty() : Optional.of(toTime), Optional.empty());
            source = "Truce monitoring center, data " + data.toAbsolutePath().normalize().getFileName();
        }
        ExportSet set = (agreement == null ? ExportSet.ofIncidents(incidents, source)
                : ExportSet.of(incidents, agreement, "Truce monitoring center, " + agreement.id()))
                .withTracks(trackList).withFlightPlans(planList);
        OutputFile.write(out, os -> writer.write(set, os));
        PrintWriter o = spec.commandLine().getOut();
        o.printf("exported %d incidents%s%s to %s (%s)%n", incidents.size(),
                agreement == null ? "" : ", " + set.zones().size() + " zones",
                (tracks && f != ExportFormat.ACLED ? ", " + trackList.size() + " tracks" : "")
                        + (flightPlans && f != ExportFormat.ACLED ? ", " + planList.size() + " flight plans" : ""),
                out, f.cliName());
        o.flush();
        return ExitCodes.OK;
    }

    private ExportWriter writer(ExportFormat f) {
        if (f != ExportFormat.ACLED) return f.writer();
        try {
            return new AcledCsvExport(new AcledPlace(acledIso, acledRegion, acledCountry));
        } catch (IllegalArgumentException e) {
            throw new UserError("--acled-iso: " + e.getMessage(), e);
        }
    }

    private static JdbcStore open(Path data) {
        try {
            return JdbcStore.h2(data);
        } catch (RuntimeException e) {
            throw new UserError("cannot open the store in " + data + ": " + e.getMessage()
                    + " (the H2 file is locked while a truce serve runs on this directory: stop the server first, "
                    + "or query it over its HTTP API)", e);
        }
    }

    private static Instant time(String option, String text) {
        try {
            return Instant.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new UserError(option + " '" + text + "': not an ISO-8601 UTC time such as 2020-11-14T21:00:00Z");
        }
    }
}
