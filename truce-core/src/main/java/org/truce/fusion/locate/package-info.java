/**
 * Locating fire events (launches, impacts, explosions) from acoustic arrivals (TDOA), bearings, distance bands and
 * fixes, in a local metric frame.
 *
 * <p>Build {@link org.truce.fusion.locate.Cue}s (see {@link org.truce.fusion.locate.FireCues}), group them with
 * {@link org.truce.fusion.locate.CueGrouper}, locate each group with
 * {@link org.truce.fusion.locate.EventLocator#locate}: a {@link org.truce.fusion.locate.LocatedEvent} with its
 * covariance and 95 % ellipse, or a rejection with its reason. {@link org.truce.fusion.locate.EventLocator#crlb}
 * gives the Cramér–Rao bound of a geometry for evaluation. Pure and deterministic.
 */
package org.truce.fusion.locate;
