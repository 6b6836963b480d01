package org.truce.cases.memory;

import org.truce.cases.CaseStoreContractTest;

/** The in-memory repositories pass the case store contract. */
class InMemoryCaseStoreContractTest extends CaseStoreContractTest {
    @Override
    protected Ports newPorts() {
        return new Ports(new InMemoryCaseRepository(), new InMemoryAllegationRepository(), new InMemoryAuditLog(),
                new InMemoryOutbox(), new InMemoryRosterRepository());
    }
}
