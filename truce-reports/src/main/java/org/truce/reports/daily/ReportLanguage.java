package org.truce.reports.daily;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The languages a report is written in; each has a resource bundle {@code report_<code>.properties}. */
public enum ReportLanguage {
    EN(Locale.ENGLISH), RU(Locale.forLanguageTag("ru")), TR(Locale.forLanguageTag("tr"));

    private final Locale locale;

    ReportLanguage(Locale locale) {
        this.locale = locale;
    }

    /** The locale dates and numbers are formatted in. */
    public Locale locale() {
        return locale;
    }

    /** {@code en}, {@code ru} or {@code tr}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ReportLanguage> parse(String text) {
        return Arrays.stream(values()).filter(l -> l.code().equalsIgnoreCase(text.trim())).findFirst();
    }
}
