package org.truce.store.memory;

import org.truce.store.Store;
import org.truce.store.StoreContractTest;

/** The in-memory store passes the store contract. */
class InMemoryStoreContractTest extends StoreContractTest {
    @Override
    protected Store newStore() {
        return new InMemoryStore();
    }
}
