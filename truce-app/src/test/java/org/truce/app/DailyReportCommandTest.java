package org.truce.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.truce.rules.Incident;

/** {@code truce report daily} on a data directory written by {@code truce simulate --data}. */
class DailyReportCommandTest {
    @TempDir
    static Path shared;
    static Path data;
    static List<Incident> stored;

    @BeforeAll
    static void simulateFourHours() {
        SimulatedDataDirectory d = SimulatedDataDirectory.get();
        data = d.data();
        stored = d.stored();
    }

    static String scenario() {
        return SimulatedDataDirectory.scenario();
    }

    @Test
    void writesTheRussianPublicPdfWithTheDaysCount() throws Exception {
        LocalDate day = stored.getFirst().start().atZone(ZoneOffset.UTC).toLocalDate();
        long expected = stored.stream().filter(i -> i.start().atZone(ZoneOffset.UTC).toLocalDate().equals(day)).count();
        Path out = shared.resolve("daily-ru.pdf");
        Cli r = Cli.run("report", "daily", "--data", data.toString(), "--date", day.toString(), "--lang", "ru",
                "--edition", "public", "--out", out.toString(), "--scenario", scenario());
        assertThat(r.exitCode()).as(r.err()).isZero();
        // The data directory has the case tables (a headless simulation opens no cases in them): joint data is read.
        assertThat(r.out()).contains(expected + " possible violations").doesNotContain("no joint-verification data");
        String text;
        try (PDDocument doc = Loader.loadPDF(out.toFile())) {
            text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
        }
        assertThat(text).contains("Ежедневный совместный доклад", "Открытая редакция",
                "За период выявлено возможных нарушений: " + expected);
    }

    @Test
    void writesHtmlWhenTheFileSaysSo() throws Exception {
        LocalDate day = stored.getFirst().start().atZone(ZoneOffset.UTC).toLocalDate();
        Path out = shared.resolve("daily-tr.html");
        Cli r = Cli.run("report", "daily", "--data", data.toString(), "--date", day.toString(), "--cutoff", "18:00",
                "--lang", "tr", "--edition", "restricted", "--out", out.toString(), "--scenario", scenario());
        assertThat(r.exitCode()).as(r.err()).isZero();
        String html = Files.readString(out, StandardCharsets.UTF_8);
        assertThat(html).startsWith("<!DOCTYPE html>").contains("Günlük ortak rapor", "Kısıtlı sürüm", "18:00");
    }

    @Test
    void badInputExitsTwoWithTheReason() {
        String d = data.toString(), s = scenario();
        Path pdf = shared.resolve("x.pdf");
        Cli lang = Cli.run("report", "daily", "--data", d, "--date", "2020-11-19", "--lang", "de", "--out", pdf.toString(), "--scenario", s);
        assertThat(lang.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(lang.err()).contains("--lang 'de'");
        Cli ext = Cli.run("report", "daily", "--data", d, "--date", "2020-11-19", "--out", shared.resolve("x.txt").toString(), "--scenario", s);
        assertThat(ext.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(ext.err()).contains(".pdf or .html");
        Cli date = Cli.run("report", "daily", "--data", d, "--date", "19.11.2020", "--out", pdf.toString(), "--scenario", s);
        assertThat(date.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(date.err()).contains("--date '19.11.2020'");
        Cli edition = Cli.run("report", "daily", "--data", d, "--date", "2020-11-19", "--edition", "secret", "--out", pdf.toString(), "--scenario", s);
        assertThat(edition.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        Cli missing = Cli.run("report", "daily", "--data", shared.resolve("nowhere").toString(), "--date", "2020-11-19", "--out", pdf.toString(), "--scenario", s);
        assertThat(missing.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(missing.err()).contains("no such directory");
        assertThat(pdf).doesNotExist();
    }
}
