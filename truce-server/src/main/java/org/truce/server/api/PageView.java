package org.truce.server.api;

import java.util.List;
import java.util.Optional;

/**
 * One page of a list endpoint.
 *
 * @param total matches in all pages
 * @param next  relative link to the following page with the same filters, absent on the last page
 */
public record PageView<T>(List<T> items, long total, int offset, int limit, Optional<String> next) {
    public PageView {
        items = List.copyOf(items);
    }
}
