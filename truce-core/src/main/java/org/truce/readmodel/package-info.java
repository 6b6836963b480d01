/**
 * In-memory read models of the center, fed by its pipeline ({@link org.truce.pipeline.CenterListener}) and seeded at
 * start-up from the store's indexed projections, never by scanning the accepted-input log: what the API, the OGC
 * collections and the live map read, so that a read costs what it returns and not what the log holds.
 *
 * <p>{@link org.truce.readmodel.ReadModels} makes and wires them: {@link org.truce.readmodel.AssetPositions} (each
 * asset's last fix and footprint), {@link org.truce.readmodel.TrackTable} (recent tracks by update time and place)
 * and {@link org.truce.readmodel.IncidentIndex} (every incident by start, field and place), with
 * {@link org.truce.readmodel.GridIndex} as their spatial index. Each answers exactly as the store query it replaces
 * (tests compare them on randomized histories and a recorded simulated run). Every model takes one writer (the
 * pipeline's thread) and any number of readers, and states its memory bound. Domain-pure: no I/O beyond the store
 * ports, no framework.
 */
package org.truce.readmodel;
