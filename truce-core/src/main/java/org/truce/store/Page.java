package org.truce.store;

import java.util.List;

/** One page of a query result. {@code total} counts all matches, not just this page. */
public record Page<T>(List<T> items, long total, int offset, int limit) {
    public Page {
        items = List.copyOf(items);
    }
}
