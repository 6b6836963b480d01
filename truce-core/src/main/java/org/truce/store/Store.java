package org.truce.store;

/**
 * Everything the center keeps. Implementations: the in-memory store (tests, benchmarks),
 * embedded H2 (default) and PostgreSQL/PostGIS (production). Every implementation passes the
 * same contract tests.
 */
public interface Store extends AutoCloseable {
    ObservationLog observations();

    IncidentRepository incidents();

    AssetRegistry assets();

    TrackRepository tracks();

    /** Small key-value settings the center keeps across restarts (e.g. the scenario clock position). */
    MetaStore meta();

    @Override
    void close();
}
