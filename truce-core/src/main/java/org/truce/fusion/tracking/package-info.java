/**
 * Multi-sensor, multi-target tracking in a local metric frame (metres, x east / y north).
 *
 * <p>{@link org.truce.fusion.tracking.KalmanTracker} implements {@link org.truce.fusion.tracking.LocalTracker}:
 * feed it scans of {@link org.truce.fusion.tracking.LocalDetection}s (built with
 * {@link org.truce.fusion.tracking.LocalDetection#from}) and turn its
 * {@link org.truce.fusion.tracking.TrackEstimate}s back into domain tracks with
 * {@link org.truce.fusion.tracking.TrackEstimate#toTrack}. Pure and deterministic: no clock, no randomness.
 */
package org.truce.fusion.tracking;
