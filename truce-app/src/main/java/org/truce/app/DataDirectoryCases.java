package org.truce.app;

import java.util.Optional;
import org.truce.reports.daily.DailyReportBuilder;
import org.truce.store.jdbc.JdbcStore;

/**
 * Where a data directory's joint-verification stores (cases and allegations) come from, for commands that read a
 * data directory offline (truce report daily).
 *
 * <p><b>Merge point:</b> the store does not keep cases and allegations yet (they are being added to
 * {@code JdbcStore} as {@code caseRepository()} and {@code allegationRepository()}). Until then this returns
 * empty and the report states "no joint-verification data". Once they exist, return
 * {@code Optional.of(new DailyReportBuilder.JointVerification(store.caseRepository(), store.allegationRepository()))}.
 */
final class DataDirectoryCases {
    private DataDirectoryCases() {}

    static Optional<DailyReportBuilder.JointVerification> of(JdbcStore store) {
        return Optional.empty();
    }
}
