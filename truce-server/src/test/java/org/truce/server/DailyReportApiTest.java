package org.truce.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.truce.ground.ProvisionId;
import org.truce.cases.Area;
import org.truce.geo.GeoPoint;
import org.truce.server.auth.OperationalData;

/**
 * The daily report of the running center over HTTP: both editions, PDF and HTML, the three languages, and every
 * bad parameter answered with a problem naming it.
 */
class DailyReportApiTest {
    private static final String CLAIM = "Shelling of the school in Ivanyan reported by residents";
    private static CaseServer s;
    private final HttpClient client = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        s = new CaseServer(OperationalData.STAFF_AND_AUDITORS);
        s.openCase(39.75, 46.80);
        s.services.allegations().file(TestAuthenticator.parse("LIAISON_OFFICER AM"), Instant.parse("2020-11-20T06:00:00Z"),
                Instant.parse("2020-11-20T07:00:00Z"), new Area.Circle(GeoPoint.of(39.8, 46.8), 500), CLAIM,
                ProvisionId.of("¶1"), List.of());
    }

    @AfterAll
    static void stop() {
        s.close();
    }

    private HttpResponse<byte[]> get(String principal, String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(s.server.uri() + path.substring(1))).timeout(Duration.ofSeconds(60));
        if (principal != null) b.header(TestAuthenticator.HEADER, principal);
        for (int i = 0; i < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
        return client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String text(HttpResponse<byte[]> r) {
        return new String(r.body(), java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void thePublicEditionIsAPdfForAnyoneWithTheDaysFigures() throws Exception {
        HttpResponse<byte[]> r = get(null, "/api/reports/daily/2020-11-20?format=pdf&lang=en");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
        assertThat(r.headers().firstValue("Content-Disposition").orElse("")).contains("truce-daily-2020-11-20-en.pdf");
        String pdf;
        try (PDDocument doc = Loader.loadPDF(r.body())) {
            pdf = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
        }
        assertThat(pdf).contains("Daily joint report", "Implementation of the agreement");
        assertThat(pdf).doesNotContain(CLAIM);
    }

    @Test
    void theRestrictedEditionIsForStaffAndAuditorsAndCarriesTheAllegationsClaims() throws Exception {
        assertThat(get(null, "/api/reports/daily/2020-11-20/restricted").statusCode()).isEqualTo(401);
        assertThat(get("LIAISON_OFFICER AZ", "/api/reports/daily/2020-11-20/restricted").statusCode()).isEqualTo(403);
        for (String who : List.of("ANALYST TR", "AUDITOR")) {
            HttpResponse<byte[]> r = get(who, "/api/reports/daily/2020-11-20/restricted");
            assertThat(r.statusCode()).as(who).isEqualTo(200);
            assertThat(r.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
            assertThat(text(r)).contains(CLAIM);
        }
        assertThat(text(get(null, "/api/reports/daily/2020-11-20"))).doesNotContain(CLAIM);
    }

    @Test
    void theLanguageIsTheParameterOrTheBrowsersChoice() throws Exception {
        HttpResponse<byte[]> ru = get(null, "/api/reports/daily/2020-11-20?lang=ru");
        assertThat(ru.headers().firstValue("Content-Language")).contains("ru");
        assertThat(text(ru)).contains("Ежедневный совместный доклад");
        HttpResponse<byte[]> tr = get(null, "/api/reports/daily/2020-11-20", "Accept-Language", "de-DE, tr;q=0.8, en;q=0.5");
        assertThat(tr.headers().firstValue("Content-Language")).contains("tr");
        assertThat(text(tr)).contains("Günlük ortak rapor");
    }

    @Test
    void badParametersAreProblemsNamingThem() throws Exception {
        record Bad(String path, String parameter) { }
        for (Bad b : List.of(new Bad("/api/reports/daily/20-11-2020", "date"),
                new Bad("/api/reports/daily/2020-11-25", "date"),
                new Bad("/api/reports/daily/2020-11-20?lang=de", "lang"),
                new Bad("/api/reports/daily/2020-11-20?format=docx", "format"),
                new Bad("/api/reports/daily/2020-11-20?cutoff=25:00", "cutoff"),
                new Bad("/api/reports/daily/2020-11-20?edition=restricted", "edition"))) {
            HttpResponse<byte[]> r = get(null, b.path());
            assertThat(r.statusCode()).as(b.path()).isEqualTo(400);
            assertThat(r.headers().firstValue("Content-Type").orElse("")).as(b.path()).startsWith("application/problem+json");
            assertThat(text(r)).as(b.path()).contains(b.parameter());
        }
    }
}
