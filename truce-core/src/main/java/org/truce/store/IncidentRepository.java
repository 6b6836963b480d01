package org.truce.store;

import java.util.List;
import java.util.Optional;
import org.truce.rules.Incident;

/** Incidents as the pipeline last wrote them (a projection of the log). Thread-safe. */
public interface IncidentRepository {
    /** Inserts or replaces the incident with the same id. */
    void save(Incident incident);

    /**
     * Inserts or replaces each incident, in one transaction where the store has transactions; when the list holds
     * an id more than once, the last one wins. The pipeline writes the incidents of one group-committed batch with
     * it. This default saves them one by one.
     */
    default void saveAll(List<Incident> incidents) {
        for (Incident i : incidents) save(i);
    }

    Optional<Incident> find(String id);

    Page<Incident> query(IncidentQuery query);

    long count();

    /** All incidents, ordered by start then id (for exports and re-runs). */
    List<Incident> all();
}
