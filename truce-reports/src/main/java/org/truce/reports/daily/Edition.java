package org.truce.reports.daily;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Who a daily report is for. The public edition shows only what both contingents published; the restricted
 * edition (staff and auditors) adds decided but unpublished cases, allegation details and the pending workload.
 * Neither ever shows a blind assessment: both read cases only through {@link org.truce.cases.Visibility}.
 */
public enum Edition {
    PUBLIC, RESTRICTED;

    /** {@code public} or {@code restricted}, as on the command line. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Edition> parse(String text) {
        return Arrays.stream(values()).filter(e -> e.cliName().equalsIgnoreCase(text.trim())).findFirst();
    }
}
