package org.truce.store.jdbc;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.truce.store.Store;
import org.truce.store.StoreContractTest;

/** The embedded H2 store passes the store contract, each test on a fresh data directory. */
class JdbcStoreH2ContractTest extends StoreContractTest {
    @TempDir
    Path dataDir;

    @Override
    protected Store newStore() {
        return JdbcStore.h2(dataDir);
    }
}
