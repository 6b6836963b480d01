package org.truce.cases.memory;

import java.time.InstantSource;
import org.truce.agreement.Agreement;
import org.truce.cases.CasePolicy;
import org.truce.cases.CaseServices;
import org.truce.cases.CoverageOracle;

/**
 * Case services over in-memory repositories, for tests and a center without a store. Kept beside the in-memory
 * repositories rather than on {@link CaseServices}, so the cases package does not depend on its own adapters.
 */
public final class InMemoryCases {
    private InMemoryCases() {}

    /** Services whose cases, allegations, notifications, audit and rosters live in memory only. */
    public static CaseServices services(Agreement agreement, CasePolicy policy, CoverageOracle coverage,
                                        InstantSource clock) {
        return CaseServices.over(agreement, policy, new InMemoryCaseRepository(), new InMemoryAllegationRepository(),
                new InMemoryOutbox(), new InMemoryAuditLog(), new InMemoryRosterRepository(), coverage, clock);
    }
}
