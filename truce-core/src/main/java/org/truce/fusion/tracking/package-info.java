/**
 * Multi-sensor, multi-target tracking in a local metric frame (metres, x east / y north).
 *
 * <p>{@link org.truce.fusion.tracking.MultiSensorTracker} is the center's one tracker: fed observation by
 * observation, it turns {@link org.truce.fusion.tracking.LocalDetection}s (built with
 * {@link org.truce.fusion.tracking.LocalDetection#from}) into domain tracks, with constant-velocity Kalman filters
 * ({@link org.truce.fusion.tracking.ConstantVelocityFilter}) and log-odds class and side fusion
 * ({@link org.truce.fusion.tracking.LogOddsVote}). Pure and deterministic: no clock, no randomness.
 */
package org.truce.fusion.tracking;
