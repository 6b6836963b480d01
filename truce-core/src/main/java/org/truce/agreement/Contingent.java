package org.truce.agreement;

import org.truce.ground.ContingentId;
import java.util.Objects;

/**
 * One national team of the monitoring center. Contingents are data: no code path names one.
 *
 * @param language BCP 47 tag of the contingent's working language (e.g. {@code ru}, {@code tr})
 */
public record Contingent(ContingentId id, String name, String language) {
    public Contingent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(language, "language");
    }
}
