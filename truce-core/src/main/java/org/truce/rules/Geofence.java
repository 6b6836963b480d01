package org.truce.rules;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Per-subject inside/outside state of one zone with hysteresis, so that position jitter on a boundary does
 * not flap. A subject becomes INSIDE when its signed distance (metres, negative inside) is at most
 * {@code insideAtMost}, OUTSIDE when it is above {@code outsideAbove}, and keeps its state in between.
 * A subject seen for the first time inside the band takes the side of its sign (on the line counts inside),
 * unless the geofence was built with a side for that case (excursion rules give the benefit of the doubt: inside).
 * Not thread-safe.
 */
public final class Geofence {
    /** Which side of the zone boundary a subject is on. */
    public enum Side { INSIDE, OUTSIDE }

    /** What an update did to the subject's state. FIRST_* are not crossings: nothing was seen before. */
    public enum Transition {
        FIRST_INSIDE, FIRST_OUTSIDE, ENTERED, EXITED, DWELL_INSIDE, DWELL_OUTSIDE;

        public Side side() {
            return switch (this) {
                case FIRST_INSIDE, ENTERED, DWELL_INSIDE -> Side.INSIDE;
                case FIRST_OUTSIDE, EXITED, DWELL_OUTSIDE -> Side.OUTSIDE;
            };
        }

        /** Whether the subject just arrived on its side (first sighting or a crossing). */
        public boolean arrived() {
            return this != DWELL_INSIDE && this != DWELL_OUTSIDE;
        }
    }

    private final Map<String, Side> states = new HashMap<>();
    private final Optional<Side> firstInBand;

    /** A first sighting inside the band takes the side of its sign. */
    public Geofence() {
        this.firstInBand = Optional.empty();
    }

    /** A first sighting inside the band takes {@code firstInBand}. */
    public Geofence(Side firstInBand) {
        this.firstInBand = Optional.of(firstInBand);
    }

    /** Updates with fixed thresholds; {@code insideAtMost <= outsideAbove}. */
    public Transition update(String subject, double signedDistanceM, double insideAtMost, double outsideAbove) {
        if (insideAtMost > outsideAbove) throw new IllegalArgumentException("insideAtMost > outsideAbove");
        Side before = states.get(subject);
        Side now;
        if (signedDistanceM <= insideAtMost) now = Side.INSIDE;
        else if (signedDistanceM > outsideAbove) now = Side.OUTSIDE;
        else if (before != null) now = before;
        else now = firstInBand.orElse(signedDistanceM <= 0 ? Side.INSIDE : Side.OUTSIDE);
        states.put(subject, now);
        if (before == null) return now == Side.INSIDE ? Transition.FIRST_INSIDE : Transition.FIRST_OUTSIDE;
        if (before == now) return now == Side.INSIDE ? Transition.DWELL_INSIDE : Transition.DWELL_OUTSIDE;
        return now == Side.INSIDE ? Transition.ENTERED : Transition.EXITED;
    }

    public Optional<Side> side(String subject) {
        return Optional.ofNullable(states.get(subject));
    }

    public void forget(String subject) {
        states.remove(subject);
    }

    /** Every subject's side, an immutable copy (for an evaluator's snapshot). */
    public Map<String, Side> sides() {
        return Map.copyOf(states);
    }

    /** Replaces every subject's side with {@code sides} (the inverse of {@link #sides()}). */
    public void restore(Map<String, Side> sides) {
        states.clear();
        states.putAll(sides);
    }
}
