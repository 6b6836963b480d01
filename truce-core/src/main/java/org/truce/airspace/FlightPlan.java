package org.truce.airspace;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.truce.ground.ContingentId;
import org.truce.ground.AssetId;

/**
 * One drone sortie as its contingent planned it: a 4D volume (a route or area on the ground, an altitude band, a
 * UTC time window) for one asset, filed so that the other contingent and the parties' liaison officers know which
 * flights to expect. A plan is immutable; cancelling gives a new value with status {@link FlightPlanStatus#CANCELLED}
 * and who cancelled it, when and why.
 *
 * <p>Invariants (checked here, {@link IllegalArgumentException} naming the field): {@code from < to}, the window no
 * longer than {@link #MAX_WINDOW}; altitudes finite, {@code 0 <= minAltitudeM < maxAltitudeM <= }
 * {@link #MAX_ALTITUDE_M}; purpose not blank; the cancellation fields present exactly when cancelled.
 *
 * @param id           stable id, see {@link FlightPlanId}
 * @param asset        the drone that flies
 * @param contingent   the contingent that owns the asset and filed the plan
 * @param path         the route or area on the ground (WGS 84)
 * @param from         start of the window (UTC, inclusive)
 * @param to           end of the window (UTC, exclusive)
 * @param minAltitudeM lowest altitude of the band, metres above mean sea level
 * @param maxAltitudeM highest altitude of the band, metres above mean sea level
 * @param purpose      what the sortie is for, in a line (e.g. "patrol along the line of contact, sector north")
 * @param notes        anything else for the other side; may be empty
 * @param filedBy      user id of who filed it
 * @param filed        when it was filed (the center's clock)
 */
public record FlightPlan(FlightPlanId id, AssetId asset, ContingentId contingent, FlightPath path, Instant from,
                         Instant to, double minAltitudeM, double maxAltitudeM, String purpose, String notes,
                         String filedBy, Instant filed, FlightPlanStatus status, Optional<String> cancelledBy,
                         Optional<Instant> cancelled, Optional<String> cancelReason) {
    /** Longest window one plan may cover: a day's sorties; longer operations file one plan per day. */
    public static final Duration MAX_WINDOW = Duration.ofHours(24);
    /** Highest altitude a band may reach, metres: far above any monitoring drone's ceiling, catching unit slips. */
    public static final double MAX_ALTITUDE_M = 20_000;

    public FlightPlan {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(asset, "asset");
        Objects.requireNonNull(contingent, "contingent");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(notes, "notes");
        Objects.requireNonNull(filedBy, "filedBy");
        Objects.requireNonNull(filed, "filed");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(cancelledBy, "cancelledBy");
        Objects.requireNonNull(cancelled, "cancelled");
        Objects.requireNonNull(cancelReason, "cancelReason");
        checkWindow(from, to);
        checkAltitudes(minAltitudeM, maxAltitudeM);
        if (purpose.isBlank()) throw new IllegalArgumentException("flightPlan.purpose must not be blank");
        boolean c = status == FlightPlanStatus.CANCELLED;
        if (c != cancelledBy.isPresent() || c != cancelled.isPresent() || c != cancelReason.isPresent()) {
            throw new IllegalArgumentException("flightPlan.status " + status + ": cancelledBy, cancelled and "
                    + "cancelReason must be given exactly when the plan is cancelled");
        }
    }

    /** Checks a window as the record does; the message names the field. */
    public static void checkWindow(Instant from, Instant to) {
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("flightPlan.to (" + to + ") must be after flightPlan.from (" + from + ")");
        }
        if (Duration.between(from, to).compareTo(MAX_WINDOW) > 0) {
            throw new IllegalArgumentException("flightPlan.to: the window " + from + " – " + to + " is longer than "
                    + MAX_WINDOW.toHours() + " h; file one plan per day");
        }
    }

    /** Checks an altitude band as the record does; the message names the field. */
    public static void checkAltitudes(double min, double max) {
        if (!Double.isFinite(min) || min < 0 || min > MAX_ALTITUDE_M) {
            throw new IllegalArgumentException("flightPlan.minAltitudeM must be in [0, " + (long) MAX_ALTITUDE_M
                    + "] m, was " + min);
        }
        if (!Double.isFinite(max) || max > MAX_ALTITUDE_M) {
            throw new IllegalArgumentException("flightPlan.maxAltitudeM must be at most " + (long) MAX_ALTITUDE_M
                    + " m, was " + max);
        }
        if (!(max > min)) {
            throw new IllegalArgumentException("flightPlan.maxAltitudeM (" + max + ") must be above minAltitudeM (" + min + ")");
        }
    }

    /** True while the plan stands (not cancelled). */
    public boolean active() {
        return status == FlightPlanStatus.FILED;
    }

    /** True if the window [from, to) meets the closed interval [start, end]; an empty bound is open. */
    public boolean overlaps(Optional<Instant> start, Optional<Instant> end) {
        return start.map(s -> to.isAfter(s)).orElse(true) && end.map(e -> !from.isAfter(e)).orElse(true);
    }

    /** This plan, cancelled by {@code by} at {@code at} for {@code reason}. */
    public FlightPlan cancel(String by, Instant at, String reason) {
        if (status == FlightPlanStatus.CANCELLED) throw new IllegalStateException(id + " is already cancelled");
        return new FlightPlan(id, asset, contingent, path, from, to, minAltitudeM, maxAltitudeM, purpose, notes,
                filedBy, filed, FlightPlanStatus.CANCELLED, Optional.of(by), Optional.of(at), Optional.of(reason));
    }
}
