package org.truce.reports.daily;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The PDF of a seeded simulated day, read back with PDFBox's text extraction: in each language it carries the
 * language's own words (Cyrillic and Turkish letters survive, so the embedded font has them), the day's figures
 * formatted for the locale, the ids behind them and the checkpoint it was built from.
 */
class DailyReportPdfTest {
    private final SimulatedDay day = SimulatedDay.get();
    private final DailyReportRenderer renderer = new DailyReportRenderer();

    @ParameterizedTest
    @EnumSource(ReportLanguage.class)
    void thePdfStatesTheDaysFiguresInItsLanguage(ReportLanguage lang) throws Exception {
        DailyReport r = day.report(Edition.PUBLIC);
        ReportMessages m = new ReportMessages(lang);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        renderer.pdf(r, lang, out);
        // Kept for a person to look at (target/ is the build's own folder).
        java.nio.file.Files.createDirectories(java.nio.file.Path.of("target"));
        java.nio.file.Files.write(java.nio.file.Path.of("target", "daily-report-" + lang.code() + ".pdf"), out.toByteArray());
        String raw;
        List<PDFont> fonts = new ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(out.toByteArray())) {
            assertThat(doc.getNumberOfPages()).isGreaterThanOrEqualTo(2);
            raw = new PDFTextStripper().getText(doc);
            for (PDPage page : doc.getPages()) {
                PDResources res = page.getResources();
                for (COSName n : res.getFontNames()) fonts.add(res.getFont(n));
            }
        }
        String text = squash(raw);
        assertThat(fonts).isNotEmpty().allSatisfy(f -> assertThat(f.isEmbedded()).as(f.getName()).isTrue());

        assertThat(text).contains(m.get("title"));
        assertThat(text).contains(m.get("confirmed_heading"));
        assertThat(text).contains(m.get("dissents_heading"));
        assertThat(text).contains(m.get("coverage_heading"));
        assertThat(text).contains(squash(m.format("summary_incidents", Map.of("count", m.integer(r.counts().total()),
                "previous", m.integer(r.counts().previousTotal()),
                "change", m.change(r.counts().total() - r.counts().previousTotal())))));
        assertThat(text).contains(squash(m.format("summary_joint", Map.of("confirmed", m.integer(r.confirmed().size()),
                "other", m.integer(r.otherFindings().size()), "dissents", m.integer(r.dissents().size())))));
        // Traceable: the published confirmed cases and the incidents behind the counts are named (a line may break
        // an id after a hyphen, which the text stripper turns into "- ").
        String ids = text.replace("- ", "-");
        assertThat(r.confirmed()).isNotEmpty();
        r.confirmed().forEach(f -> assertThat(ids.contains(f.caseId())).as(f.caseId()).isTrue());
        r.counts().incidentIds().forEach(id -> assertThat(ids.contains(id)).as(id).isTrue());
        // The checkpoint it was built from, with the tree size formatted for the locale.
        assertThat(text).contains(day.jointRoot.base64());
        assertThat(text).contains(squash(m.integer(SimulatedDay.JOINT_TREE_SIZE)));
        assertThat(text).contains(squash(m.date(SimulatedDay.PERIOD.date())));
        // The implementation tracker's status of every provision, in the language's words.
        assertThat(text).contains(m.get("implementation_heading"));
        assertThat(r.implementation()).isNotEmpty();
        // (a line may break "machine-monitored" after its hyphen, as it does ids)
        r.implementation().forEach(st -> assertThat(ids).contains(squash(m.get("impl_status." + st.status()))));
        switch (lang) {
            case EN -> assertThat(text).contains("Daily joint report", "Possible violations by zone, party and kind");
            case RU -> assertThat(text).contains("Ежедневный совместный доклад", "ноября 2020");
            case TR -> assertThat(text).contains("Günlük ortak rapor", "Kasım 2020", "Şeffaflık kaydı");
        }
    }

    /** As the text stripper gives it: every run of white space (including no-break spaces) one space. */
    private static String squash(String s) {
        return s.replaceAll("[\\s\\u00A0\\u202F]+", " ");
    }
}
