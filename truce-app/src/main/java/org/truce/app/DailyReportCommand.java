package org.truce.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.truce.agreement.Agreement;
import org.truce.reports.daily.DailyReport;
import org.truce.reports.daily.DailyReportBuilder;
import org.truce.reports.daily.DailyReportRenderer;
import org.truce.reports.daily.DayFactsStore;
import org.truce.reports.daily.Edition;
import org.truce.reports.daily.ReportLanguage;
import org.truce.reports.daily.ReportPeriod;
import org.truce.store.jdbc.JdbcLedgerStore;
import org.truce.store.jdbc.JdbcStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code truce report daily}: the daily joint report of a data directory (as {@code truce serve} or
 * {@code truce simulate --data} left it) for one day, as HTML or PDF by the output's extension. Reads only; the
 * file appears complete or not at all. Cases and allegations are read as they stand when the command runs. The one
 * thing it writes into the data directory is the per-day sensor aggregates of the days a whole-day report needs
 * and the directory did not hold yet (see {@link DayFactsStore}), so the next report of those days reads them
 * instead of the log.
 */
@Command(name = "daily", mixinStandardHelpOptions = true,
        description = {"Writes the daily joint report of a data directory as PDF or HTML (by the --out extension):",
                "counts per zone, party and kind with the change from the previous day, joint findings, dissents,",
                "allegations, coverage and asset outages, a map and charts, and the transparency-log checkpoint it",
                "was built from. See docs/reports.md. The data directory must not be in use by a running truce serve."})
final class DailyReportCommand implements Callable<Integer> {
    @Option(names = "--data", paramLabel = "DIR", required = true, description = "the data directory of a center")
    Path data;

    @Option(names = "--date", paramLabel = "DATE", required = true, description = "the day reported, e.g. 2020-11-19 (UTC)")
    String date;

    @Option(names = "--cutoff", paramLabel = "HH:MM", description = {"end the reporting period at this UTC time on DATE",
            "(default: the whole UTC day DATE)"})
    String cutoff;

    @Option(names = "--lang", paramLabel = "LANG", defaultValue = "en", description = "en, ru or tr (default: ${DEFAULT-VALUE})")
    String lang;

    @Option(names = "--edition", paramLabel = "EDITION", defaultValue = "public",
            description = "public (published findings only) or restricted (staff and auditors) (default: ${DEFAULT-VALUE})")
    String edition;

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "the file to write: .pdf, .html or .htm")
    Path out;

    @Option(names = "--scenario", paramLabel = "DIR", description = "the scenario the center runs (default: scenarios/karabakh-2020)")
    Path scenario;

    @Spec
    CommandSpec spec;

    private final Clock clock;

    DailyReportCommand() {
        this(Clock.systemUTC());
    }

    DailyReportCommand(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Integer call() throws IOException {
        ReportLanguage language = ReportLanguage.parse(lang).orElseThrow(() -> new UserError("--lang '" + lang
                + "': not a report language; use one of " + Arrays.stream(ReportLanguage.values()).map(ReportLanguage::code).toList()));
        Edition ed = Edition.parse(edition).orElseThrow(() -> new UserError("--edition '" + edition
                + "': use public or restricted"));
        ReportPeriod period = ReportPeriod.of(day(), cutoffTime());
        boolean pdf = format();
        if (!Files.isDirectory(data)) {
            throw new UserError("--data " + data + ": no such directory (give the data directory of truce serve or simulate --data)");
        }
        if (!Files.isRegularFile(data.resolve(JdbcStore.H2_DATABASE_NAME + ".mv.db"))) {
            throw new UserError("--data " + data + ": no Truce store in it (no " + JdbcStore.H2_DATABASE_NAME + ".mv.db)");
        }
        Agreement agreement = Scenarios.load(scenario != null ? scenario : Scenarios.defaultScenario());
        DailyReport report;
        try (JdbcStore store = open(data)) {
            JdbcLedgerStore ledger = new JdbcLedgerStore(store.dataSource());
            var sources = new DailyReportBuilder.Sources(agreement, store.incidents(), store.observations(), store.assets(),
                    DataDirectoryCases.of(store), ledger).withDays(DayFactsStore.of(store.meta()));
            report = DailyReportBuilder.build(sources, period, ed, Instant.now(clock));
        }
        // PDFBox warns that it substitutes its own font for the base-14 fonts the PDF renderer registers but the
        // report never uses (all its text is in the embedded font); that warning would only puzzle the user.
        System.setProperty("org.slf4j.simpleLogger.log.org.apache.pdfbox.pdmodel.font", "error");
        DailyReportRenderer renderer = new DailyReportRenderer();
        OutputFile.write(out, os -> {
            if (pdf) renderer.pdf(report, language, os);
            else os.write(renderer.html(report, language).getBytes(StandardCharsets.UTF_8));
        });
        PrintWriter o = spec.commandLine().getOut();
        o.printf("daily report %s (%s, %s, %s): %d possible violations, %d confirmed, %d dissents; %s; written to %s%n",
                period.date(), ed.cliName(), language.code(), pdf ? "PDF" : "HTML", report.counts().total(),
                report.confirmed().size(), report.dissents().size(),
                report.header().checkpoint().map(c -> "checkpoint tree size " + c.treeSize())
                        .orElse("no joint checkpoint before the cut-off"), out);
        if (!report.header().jointVerification()) o.println("note: no joint-verification data in " + data + " (no findings reported)");
        o.flush();
        return ExitCodes.OK;
    }

    private LocalDate day() {
        try {
            return LocalDate.parse(date.trim());
        } catch (DateTimeParseException e) {
            throw new UserError("--date '" + date + "': not a date such as 2020-11-19");
        }
    }

    private Optional<LocalTime> cutoffTime() {
        if (cutoff == null) return Optional.empty();
        try {
            return Optional.of(LocalTime.parse(cutoff.trim()));
        } catch (DateTimeParseException e) {
            throw new UserError("--cutoff '" + cutoff + "': not a UTC time such as 19:30");
        }
    }

    /** True for PDF, false for HTML, from the extension of --out. */
    private boolean format() {
        String name = out.getFileName() == null ? "" : out.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".pdf")) return true;
        if (name.endsWith(".html") || name.endsWith(".htm")) return false;
        throw new UserError("--out " + out + ": name the file .pdf or .html (the extension chooses the format)");
    }

    private static JdbcStore open(Path data) {
        try {
            return JdbcStore.h2(data);
        } catch (RuntimeException e) {
            throw new UserError("cannot open the store in " + data + ": " + e.getMessage()
                    + " (the H2 file is locked while a truce serve runs on this directory: stop the server first)", e);
        }
    }
}
