package org.truce.agreement;

import org.truce.ground.ProvisionId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A clause of the agreement with its amendment history.
 *
 * <p>Versions are ordered by {@link ProvisionVersion#version()}, their validity intervals do not overlap
 * (checked at load), and an amendment is always a new version, never an edit of an old one.
 *
 * @param id       matches the paragraph of the text, e.g. {@code ¶6}
 * @param text     the clause as signed (or a faithful summary, with the source named in the version)
 * @param tracked  an implementation item with no machine-checkable rule (e.g. prisoner exchange)
 */
public record Provision(ProvisionId id, String title, String text, boolean tracked,
                        List<ProvisionVersion> versions) {
    public Provision {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(text, "text");
        versions = List.copyOf(versions);
        if (versions.isEmpty()) throw new IllegalArgumentException("provision " + id + " has no version");
    }

    /** The version in force at {@code t}: validFrom &le; t &lt; validTo. */
    public Optional<ProvisionVersion> versionAt(Instant t) {
        return versions.stream().filter(v -> v.inForceAt(t)).findFirst();
    }
}
