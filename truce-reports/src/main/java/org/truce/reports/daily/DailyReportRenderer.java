package org.truce.reports.daily;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.util.Base64;
import java.util.Map;

/**
 * Writes a {@link DailyReport} as one self-contained XHTML page or as a PDF, both from the same Mustache template
 * ({@code daily-report.mustache}); the PDF is that page laid out by openhtmltopdf (PDFBox). The font, the map and
 * the charts are embedded in both, so either file reads the same on any machine. Thread-safe: the compiled
 * template is immutable.
 */
public final class DailyReportRenderer {
    private static final String TEMPLATE = "org/truce/reports/daily/daily-report.mustache";

    static {
        // openhtmltopdf prints its progress (INFO) to the console by default; a report command should not.
        com.openhtmltopdf.util.XRLog.listRegisteredLoggers()
                .forEach(l -> com.openhtmltopdf.util.XRLog.setLevel(l, java.util.logging.Level.WARNING));
    }
    private final Mustache template;

    public DailyReportRenderer() {
        this.template = new DefaultMustacheFactory().compile(TEMPLATE);
    }

    /** The report as an HTML page (well-formed XHTML), with the font embedded as a data URI. */
    public String html(DailyReport report, ReportLanguage language) {
        return render(report, language, "@font-face { font-family: '" + ReportFont.FAMILY + "'; src: url(data:font/ttf;base64,"
                + Base64.getEncoder().encodeToString(ReportFont.bytes()) + ") format('truetype'); }");
    }

    /** The report as PDF, written to {@code out} (not closed). */
    public void pdf(DailyReport report, ReportLanguage language, OutputStream out) throws IOException {
        // The PDF gets the font from the builder (embedded, subset): openhtmltopdf does not read data-URI fonts.
        String page = render(report, language, "");
        PdfRendererBuilder b = new PdfRendererBuilder();
        b.useFastMode();
        b.useFont(ReportFont::stream, ReportFont.FAMILY);
        b.withHtmlContent(page, null);
        b.toStream(out);
        try {
            b.run();
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException("cannot lay out the report as PDF: " + e.getMessage(), e);
        }
    }

    private String render(DailyReport report, ReportLanguage language, String fontFace) {
        Map<String, Object> view = ReportView.of(report, new ReportMessages(language));
        view.put("fontFace", fontFace);
        StringWriter w = new StringWriter();
        template.execute(w, view);
        return w.toString();
    }
}
