package org.truce.server.reports;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import org.truce.reports.daily.DailyReport;
import org.truce.reports.daily.DailyReportBuilder;
import org.truce.reports.daily.DailyReportRenderer;
import org.truce.reports.daily.Edition;
import org.truce.reports.daily.ReportLanguage;
import org.truce.reports.daily.ReportPeriod;
import org.truce.server.ServerModule;
import org.truce.server.api.ProblemException;
import org.truce.server.api.QueryParams;

/**
 * The daily joint report of the running center over HTTP, the same report {@code truce report daily} writes from a
 * data directory: {@code GET /api/reports/daily/{date}} is the public edition (published findings only, anyone),
 * {@code GET /api/reports/daily/{date}/restricted} the restricted one (staff of a contingent and auditors), as
 * {@link org.truce.server.auth.RoutePolicy} decides.
 * Query: {@code format=html|pdf} (default html), {@code lang=en|ru|tr} (default: the first of the request's
 * {@code Accept-Language} the report speaks, else en), {@code cutoff=HH:MM} (UTC; default the whole day).
 *
 * <p>A report is built afresh per request from the center's ports as they stand at the center's clock: a period
 * not begun yet is refused, a period still running is reported as far as it has gone (the header's "as of" says
 * when). Building replays the log, so one report is built at a time; the others wait. Thread-safe.
 */
public final class DailyReportModule implements ServerModule {
    static final String PUBLIC_PATH = "/api/reports/daily/{date}";
    static final String RESTRICTED_PATH = "/api/reports/daily/{date}/restricted";

    private final DailyReportBuilder.Sources sources;
    private final InstantSource clock;
    private final DailyReportRenderer renderer = new DailyReportRenderer();
    private final Semaphore building = new Semaphore(1, true);

    public DailyReportModule(DailyReportBuilder.Sources sources, InstantSource clock) {
        this.sources = Objects.requireNonNull(sources, "sources");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void register(Javalin app) {
        app.get(PUBLIC_PATH, ctx -> serve(ctx, Edition.PUBLIC));
        app.get(RESTRICTED_PATH, ctx -> serve(ctx, Edition.RESTRICTED));
    }

    private void serve(Context ctx, Edition edition) throws InterruptedException {
        QueryParams q = new QueryParams(ctx.queryParamMap(), List.of("format", "lang", "cutoff"));
        LocalDate date = date(ctx.pathParam("date"));
        Optional<LocalTime> cutoff = q.string("cutoff").map(DailyReportModule::cutoff);
        boolean pdf = q.oneOf("format", List.of("html", "pdf"), "pdf"::equals).orElse(false);
        ReportLanguage lang = q.oneOf("lang", Arrays.stream(ReportLanguage.values()).map(ReportLanguage::code).toList(),
                s -> ReportLanguage.parse(s).orElseThrow()).orElseGet(() -> language(ctx.header("Accept-Language")));
        ReportPeriod period = ReportPeriod.of(date, cutoff);
        Instant now = clock.instant();
        if (!period.from().isBefore(now)) {
            throw ProblemException.badParameter("date", "the period of " + date + " begins at " + period.from()
                    + ", after the center's clock (" + now + "): nothing to report yet");
        }
        if (period.to().isBefore(now.minus(Duration.ofDays(3660)))) {
            throw ProblemException.badParameter("date", "date " + date + " is more than ten years before the center's clock");
        }
        byte[] body;
        building.acquire();
        try {
            DailyReport report = DailyReportBuilder.build(sources, period, edition, now);
            if (pdf) {
                ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 20);
                renderer.pdf(report, lang, out);
                body = out.toByteArray();
            } else {
                body = renderer.html(report, lang).getBytes(StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            building.release();
        }
        String name = "truce-daily-" + date + (edition == Edition.RESTRICTED ? "-restricted" : "") + "-" + lang.code()
                + (pdf ? ".pdf" : ".html");
        ctx.header("Content-Disposition", (pdf ? "attachment" : "inline") + "; filename=\"" + name + "\"");
        ctx.header("Content-Language", lang.code());
        // A restricted edition must not linger in shared caches; the public one changes as cases are published.
        ctx.header("Cache-Control", edition == Edition.RESTRICTED ? "private, no-store" : "no-cache");
        ctx.contentType(pdf ? "application/pdf" : "text/html; charset=utf-8");
        ctx.result(body);
    }

    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw ProblemException.badParameter("date", "'" + text + "' is not a date such as 2020-11-19");
        }
    }

    private static LocalTime cutoff(String text) {
        try {
            return LocalTime.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw ProblemException.badParameter("cutoff", "parameter 'cutoff' ('" + text
                    + "') is not a UTC time such as 19:30");
        }
    }

    /** The first language of an Accept-Language header the report has, else English. */
    static ReportLanguage language(String header) {
        if (header == null) return ReportLanguage.EN;
        for (String part : header.split(",")) {
            String tag = part.split(";")[0].trim().toLowerCase(Locale.ROOT);
            int dash = tag.indexOf('-');
            Optional<ReportLanguage> l = ReportLanguage.parse(dash > 0 ? tag.substring(0, dash) : tag);
            if (l.isPresent()) return l.get();
        }
        return ReportLanguage.EN;
    }
}
