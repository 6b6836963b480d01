package org.truce.reports.daily;

import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The report's words and formats in one language: text from {@code report_<lang>.properties} (no fallback to
 * another language: a missing key is an error naming the key and the language), dates in the locale's long
 * style and times as HH:mm, always UTC, numbers and percentages per locale. Immutable, thread-safe.
 */
final class ReportMessages {
    static final String BUNDLE = "org.truce.reports.daily.report";

    private final ReportLanguage language;
    private final ResourceBundle bundle;
    private final DateTimeFormatter date;
    private final DateTimeFormatter time = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    ReportMessages(ReportLanguage language) {
        this.language = language;
        // No fallback: with the root locale as fallback a missing ru/tr bundle would silently print English.
        this.bundle = ResourceBundle.getBundle(BUNDLE, language.locale(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        this.date = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(language.locale()).withZone(ZoneOffset.UTC);
    }

    ReportLanguage language() {
        return language;
    }

    /** The text for {@code key}; throws naming key and language when missing. */
    String get(String key) {
        try {
            return bundle.getString(key);
        } catch (MissingResourceException e) {
            throw new MissingResourceException("report text '" + key + "' is missing in report_" + language.code()
                    + ".properties", BUNDLE + "_" + language.code(), key);
        }
    }

    /** The text for a data-driven key, or {@code fallback} (the data's own id) for values no bundle can know. */
    String getOr(String key, String fallback) {
        return bundle.containsKey(key) ? bundle.getString(key) : fallback;
    }

    /** {@code get(key)} with each {@code {name}} replaced by its value. */
    String format(String key, Map<String, ?> values) {
        String s = get(key);
        for (var e : values.entrySet()) s = s.replace("{" + e.getKey() + "}", String.valueOf(e.getValue()));
        return s;
    }

    boolean has(String key) {
        return bundle.containsKey(key);
    }

    String date(Instant t) {
        return date.format(t);
    }

    String date(java.time.LocalDate d) {
        return date.format(d.atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    String time(Instant t) {
        return time.format(t);
    }

    /** Compact date and time for table cells, the same in every language: "2020-11-19 14:05". */
    String stamp(Instant t) {
        return STAMP.format(t);
    }

    /** Date and time, e.g. "19 November 2020, 14:05". */
    String dateTime(Instant t) {
        return date(t) + ", " + time(t);
    }

    String integer(long n) {
        return NumberFormat.getIntegerInstance(language.locale()).format(n);
    }

    /** A signed change: +3, −2 (minus sign), 0. */
    String change(int n) {
        return n > 0 ? "+" + integer(n) : n < 0 ? "\u2212" + integer(-n) : integer(0);
    }

    String percent(double share) {
        NumberFormat f = NumberFormat.getPercentInstance(language.locale());
        f.setMaximumFractionDigits(0);
        return f.format(share);
    }

    /** A probability as a decimal with two digits, e.g. 0.87 or 0,87. */
    String probability(double p) {
        NumberFormat f = NumberFormat.getNumberInstance(language.locale());
        f.setMinimumFractionDigits(2);
        f.setMaximumFractionDigits(2);
        return f.format(p);
    }
}
