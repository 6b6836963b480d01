package org.truce.app;

import java.util.Optional;
import org.truce.reports.daily.DailyReportBuilder;
import org.truce.store.jdbc.JdbcStore;

/**
 * Where a data directory's joint-verification stores (cases and allegations) come from, for commands that read a
 * data directory offline (truce report daily): the tables the running center keeps them in (migration V3).
 */
final class DataDirectoryCases {
    private DataDirectoryCases() {}

    static Optional<DailyReportBuilder.JointVerification> of(JdbcStore store) {
        return Optional.of(new DailyReportBuilder.JointVerification(store.caseRepository(), store.allegationRepository()));
    }
}
