package org.truce.accounts;

import org.truce.accounts.memory.InMemoryAccountRepository;
import org.truce.accounts.memory.InMemoryApiTokenRepository;

class InMemoryAccountStoreTest extends AccountStoreContractTest {
    @Override
    protected Repositories newRepositories() {
        return new Repositories(new InMemoryAccountRepository(), new InMemoryApiTokenRepository());
    }
}
