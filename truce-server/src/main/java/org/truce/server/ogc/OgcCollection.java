package org.truce.server.ogc;

import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * One feature collection served under {@code /ogc/collections/{id}}. The features are read from the center on
 * every call (the store changes while the center runs), so a collection is as current as the request; the
 * supplier must be thread-safe.
 *
 * @param id          the collection id in URLs ({@code zones}, {@code incidents} …)
 * @param title       a human title
 * @param description what the features are and how far to trust them
 * @param features    the features now, in a stable order (paging relies on it)
 */
public record OgcCollection(String id, String title, String description, Supplier<List<OgcFeature>> features) {
    public OgcCollection {
        Objects.requireNonNull(id); Objects.requireNonNull(title);
        Objects.requireNonNull(description); Objects.requireNonNull(features);
    }
}
