/**
 * The center's topology: every derived view of the accepted-input log is a {@link org.truce.topology.Stage} —
 * tracking and rules, fire-event location, coverage, asset health — fed by the log in one fixed order by a
 * {@link org.truce.topology.Topology}, which can snapshot every stage and restore them, so a restart or a third
 * party's re-run replays only the log's tail. See docs/pipeline.md ("The topology").
 */
package org.truce.topology;
