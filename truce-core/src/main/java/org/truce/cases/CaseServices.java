package org.truce.cases;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Objects;
import org.truce.agreement.Agreement;
import org.truce.agreement.Contingent;
import org.truce.geo.LocalProjection;

/**
 * The joint-verification services of one center, built over one set of repositories: what the wiring hands to
 * the HTTP layer and to reports. The services share the repositories and the audit trail, so an action through
 * one is seen by the others. Thread-safety is that of the parts (all are safe for concurrent use).
 *
 * @param casework    blind dual assessment, reconciliation, publication, the desk
 * @param allegations the parties' allegations and their matching to incidents and coverage
 * @param rosters     the shift roster on parity
 * @param cases       the case repository behind {@code casework}
 * @param allegationStore the allegation repository behind {@code allegations}
 * @param outbox      notifications to the parties
 * @param audit       the audit trail every service writes to
 */
public record CaseServices(Casework casework, AllegationDesk allegations, ShiftRosters rosters, CaseRepository cases,
                           AllegationRepository allegationStore, NotificationOutbox outbox, AuditLog audit) {
    public CaseServices {
        Objects.requireNonNull(casework); Objects.requireNonNull(allegations); Objects.requireNonNull(rosters);
        Objects.requireNonNull(cases); Objects.requireNonNull(allegationStore); Objects.requireNonNull(outbox);
        Objects.requireNonNull(audit);
    }

    /**
     * Builds the services over the given repositories, with the default allegation matching (6 h tolerance) and
     * the shift roster kept in {@code rosterStore} (a store's survives a restart). In-memory services for tests
     * and a center without a store: {@code org.truce.cases.memory.InMemoryCases}.
     */
    public static CaseServices over(Agreement agreement, CasePolicy policy, CaseRepository cases,
                                    AllegationRepository allegations, NotificationOutbox outbox, AuditLog audit,
                                    RosterRepository rosterStore, CoverageOracle coverage, InstantSource clock) {
        Casework casework = new Casework(agreement.contingents().stream().map(Contingent::id).toList(), policy,
                cases, audit, clock);
        AllegationMatcher matcher = new AllegationMatcher(new LocalProjection(agreement.projection()), Duration.ofHours(6));
        AllegationDesk desk = new AllegationDesk(allegations, outbox, audit, matcher, coverage,
                policy.coverageThreshold(), clock);
        Instant now = clock.instant();
        ShiftRosters rosters = new ShiftRosters(agreement, now, now.plus(Duration.ofHours(8)), rosterStore, audit, clock);
        return new CaseServices(casework, desk, rosters, cases, allegations, outbox, audit);
    }
}
