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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.truce.ledger.CheckpointRecord;
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
 * <p>A report is built from the center's ports as they stand at the center's clock: a period not begun yet is
 * refused, a period still running is reported as far as it has gone (the header's "as of" says when). Built reports
 * are kept per (period, edition, language, format, latest checkpoint's tree size), at most {@link Config#capacity()}
 * of them, so a second request is answered at once and a new checkpoint (the log has grown, cases may have been
 * published) makes the next request build again; a report of a period still running is also built again once
 * {@link Config#runningFor()} of the center's clock has passed. The sensor figures, the costly part, are kept apart
 * per (period, checkpoint) and shared by the editions, languages and formats. Builds run on a pool of
 * {@link Config#builders()} threads: requests for the same report wait for the one build, requests for other days
 * do not wait for it. Thread-safe.
 */
public final class DailyReportModule implements ServerModule {
    static final String PUBLIC_PATH = "/api/reports/daily/{date}";
    static final String RESTRICTED_PATH = "/api/reports/daily/{date}/restricted";
    /** Later than any checkpoint, and still a time every store can hold. */
    private static final Instant LAST_INSTANT = Instant.parse("9999-12-31T23:59:59Z");

    /**
     * @param capacity   how many built reports are kept (the sensor figures: as many)
     * @param builders   how many reports are built at once
     * @param runningFor how long (center clock) a report of a period still running is served before it is built again
     */
    public record Config(int capacity, int builders, Duration runningFor) {
        public Config {
            if (capacity < 1) throw new IllegalArgumentException("capacity must be >= 1, was " + capacity);
            if (builders < 1) throw new IllegalArgumentException("builders must be >= 1, was " + builders);
            Objects.requireNonNull(runningFor, "runningFor");
            if (runningFor.isNegative()) throw new IllegalArgumentException("runningFor must be >= 0, was " + runningFor);
        }

        /** 64 reports, two builders (this is a 2-core class of machine), one minute for a running period. */
        public static Config defaults() {
            return new Config(64, 2, Duration.ofMinutes(1));
        }
    }

    /** What a report body depends on besides the data at the checkpoint. */
    record BodyKey(ReportPeriod period, Edition edition, ReportLanguage language, boolean pdf, long checkpoint) { }

    /** What the sensor figures depend on. */
    record FactsKey(ReportPeriod period, long checkpoint) { }

    private final DailyReportBuilder.Sources sources;
    private final InstantSource clock;
    private final Config config;
    private final DailyReportRenderer renderer = new DailyReportRenderer();
    private final ExecutorService pool;
    private final BuildCache<BodyKey, byte[]> bodies;
    private final BuildCache<FactsKey, DailyReportBuilder.SensorFacts> facts;

    public DailyReportModule(DailyReportBuilder.Sources sources, InstantSource clock) {
        this(sources, clock, Config.defaults());
    }

    public DailyReportModule(DailyReportBuilder.Sources sources, InstantSource clock, Config config) {
        this.sources = Objects.requireNonNull(sources, "sources");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.config = Objects.requireNonNull(config, "config");
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(config.builders(), r -> {
            Thread t = new Thread(r, "truce-daily-report-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.bodies = new BuildCache<>(config.capacity(), pool, clock);
        // The figures are built inside a body's build, on its thread: a second pool here could deadlock when every
        // builder waits for figures queued behind them.
        this.facts = new BuildCache<>(config.capacity(), Runnable::run, clock);
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
        byte[] body = report(period, edition, lang, pdf);
        String name = "truce-daily-" + date + (edition == Edition.RESTRICTED ? "-restricted" : "") + "-" + lang.code()
                + (pdf ? ".pdf" : ".html");
        ctx.header("Content-Disposition", (pdf ? "attachment" : "inline") + "; filename=\"" + name + "\"");
        ctx.header("Content-Language", lang.code());
        // A restricted edition must not linger in shared caches; the public one changes as cases are published.
        ctx.header("Cache-Control", edition == Edition.RESTRICTED ? "private, no-store" : "no-cache");
        ctx.contentType(pdf ? "application/pdf" : "text/html; charset=utf-8");
        ctx.result(body);
    }

    /** The report's bytes, kept or built (sharing a build under way for the same key). */
    byte[] report(ReportPeriod period, Edition edition, ReportLanguage lang, boolean pdf) throws InterruptedException {
        long checkpoint = checkpoint();
        BodyKey key = new BodyKey(period, edition, lang, pdf, checkpoint);
        try {
            return bodies.get(key, () -> build(key), expiry(period)).get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error err) throw err;
            throw new IllegalStateException("building the daily report failed: " + e.getCause(), e.getCause());
        }
    }

    private byte[] build(BodyKey key) {
        Instant now = clock.instant();
        DailyReportBuilder.SensorFacts f = facts.get(new FactsKey(key.period(), key.checkpoint()),
                () -> DailyReportBuilder.sensors(sources, key.period()), expiry(key.period())).join();
        DailyReport report = DailyReportBuilder.build(sources, key.edition(), now, f);
        try {
            if (key.pdf()) {
                ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 20);
                renderer.pdf(report, key.language(), out);
                return out.toByteArray();
            }
            return renderer.html(report, key.language()).getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A period still running at the center's clock is built again after {@link Config#runningFor()}. */
    private Optional<Instant> expiry(ReportPeriod period) {
        Instant now = clock.instant();
        return period.to().isAfter(now) ? Optional.of(now.plus(config.runningFor())) : Optional.empty();
    }

    /** The tree size of the newest checkpoint, 0 before the first: what says the data behind a report has moved on. */
    private long checkpoint() {
        return sources.checkpoints().latestCheckpoints(LAST_INSTANT, 1).stream().findFirst()
                .map(CheckpointRecord::treeSize).orElse(0L);
    }

    /** How many reports were built (not served from the cache): for tests and metrics. */
    long builds() {
        return bodies.builds();
    }

    /** How many sensor figures were built. */
    long sensorBuilds() {
        return facts.builds();
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
