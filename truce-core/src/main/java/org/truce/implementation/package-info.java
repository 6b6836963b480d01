/**
 * The implementation tracker: each provision's status over time, computed from the agreement (versions, validity,
 * deadlines), the incidents raised under it and the coverage of its zones, as of a given instant.
 *
 * <p>Pure and deterministic: no I/O, no clock of its own beyond an injected {@link java.time.InstantSource}; the
 * incidents and coverage come through the ports {@link org.truce.implementation.IncidentSource} and
 * {@link org.truce.implementation.ZoneCoverage}. The same agreement, incidents, coverage and instant always give
 * the same timeline. Parties and zones are data: nothing here names one.
 *
 * <p>Entry point: {@link org.truce.implementation.ImplementationTracker}. How each status is decided is documented
 * on {@link org.truce.implementation.ProvisionStatus} and in {@code docs/implementation-tracker.md}.
 */
package org.truce.implementation;
