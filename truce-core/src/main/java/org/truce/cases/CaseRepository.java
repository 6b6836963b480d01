package org.truce.cases;

import java.util.List;
import java.util.Optional;

/** Port: where cases live. Implementations are thread-safe. */
public interface CaseRepository {
    /**
     * Stores {@code c}, replacing the stored version. Refuses (CONFLICT) when the stored version is not
     * {@code readVersion} (0 = not stored yet), so two desks cannot overwrite each other's move.
     */
    void save(Case c, long readVersion);

    Optional<Case> find(CaseId id);

    /** All cases, ordered by id. */
    List<Case> all();
}
