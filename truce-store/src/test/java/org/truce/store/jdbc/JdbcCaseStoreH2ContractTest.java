package org.truce.store.jdbc;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;
import org.truce.cases.CaseStoreContractTest;

/** The H2 case repositories pass the case store contract, each test on a fresh data directory, and survive a reopen. */
class JdbcCaseStoreH2ContractTest extends CaseStoreContractTest {
    @TempDir
    Path dataDir;
    private JdbcStore store;

    @Override
    protected Ports newPorts() {
        store = JdbcStore.h2(dataDir);
        return ports(store);
    }

    @Override
    protected Optional<Ports> reopen() {
        store.close();
        store = JdbcStore.h2(dataDir);
        return Optional.of(ports(store));
    }

    @Override
    protected void closePorts() {
        store.close();
    }

    static Ports ports(JdbcStore s) {
        return new Ports(s.caseRepository(), s.allegationRepository(), s.auditLog(), s.outbox(), s.rosterRepository());
    }
}
