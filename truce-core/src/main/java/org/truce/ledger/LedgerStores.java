package org.truce.ledger;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/** Helpers over {@link LedgerStore}. */
public final class LedgerStores {
    private static final int PAGE = 10_000;

    private LedgerStores() {}

    /** Iterates every stored entry in index order, reading pages of 10,000 so any size fits in memory. */
    public static Iterator<LedgerStore.StoredEntry> iterate(LedgerStore store) {
        return new Iterator<>() {
            private List<LedgerStore.StoredEntry> page = store.read(0, PAGE);
            private int i;

            @Override
            public boolean hasNext() {
                if (i < page.size()) return true;
                if (page.isEmpty()) return false;
                page = store.read(page.get(page.size() - 1).index() + 1, PAGE);
                i = 0;
                return !page.isEmpty();
            }

            @Override
            public LedgerStore.StoredEntry next() {
                if (!hasNext()) throw new NoSuchElementException();
                return page.get(i++);
            }
        };
    }
}
