package org.truce.reports.daily;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The one font of the report, embedded in the PDF, the HTML and the figures: Liberation Sans (SIL OFL), shipped
 * inside Apache PDFBox's jar from Maven Central. It has the Latin, Turkish and Cyrillic glyphs the three languages
 * need, so nothing depends on the fonts of the machine that renders or opens the report. Thread-safe.
 */
final class ReportFont {
    /** The CSS family name the template uses. */
    static final String FAMILY = "Truce Report Sans";
    private static final String RESOURCE = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";
    private static final byte[] BYTES = load();
    private static final Font AWT = awt();

    private ReportFont() {}

    /** The TrueType file's bytes (a copy). */
    static byte[] bytes() {
        return BYTES.clone();
    }

    static InputStream stream() {
        return new java.io.ByteArrayInputStream(BYTES);
    }

    /** The font for Java2D at {@code size} points; bold is synthesised by Java2D from the regular face. */
    static Font awt(int style, float size) {
        return AWT.deriveFont(style, size);
    }

    private static byte[] load() {
        try (InputStream in = ReportFont.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException("the report font " + RESOURCE + " is missing from the class path (PDFBox jar)");
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the report font " + RESOURCE, e);
        }
    }

    private static Font awt() {
        try {
            return Font.createFont(Font.TRUETYPE_FONT, new java.io.ByteArrayInputStream(BYTES));
        } catch (FontFormatException | IOException e) {
            throw new IllegalStateException("the report font " + RESOURCE + " is not a usable TrueType font", e);
        }
    }
}
