package org.truce.server.ogc;

import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * One feature collection served under {@code /ogc/collections/{id}}. The features are read from the center on
 * every call (the store and the read models change while the center runs), so a collection is as current as the
 * request; the source must be thread-safe.
 *
 * @param id          the collection id in URLs ({@code zones}, {@code incidents} …)
 * @param title       a human title
 * @param description what the features are and how far to trust them
 * @param source      the features now and how a {@code bbox} is answered ({@link FeatureSource#listed} or an index)
 */
public record OgcCollection(String id, String title, String description, FeatureSource source) {
    public OgcCollection {
        Objects.requireNonNull(id); Objects.requireNonNull(title);
        Objects.requireNonNull(description); Objects.requireNonNull(source);
    }

    /** A collection whose features are all built per request, in a stable order (paging relies on it). */
    public OgcCollection(String id, String title, String description, Supplier<List<OgcFeature>> features) {
        this(id, title, description, FeatureSource.listed(features));
    }
}
