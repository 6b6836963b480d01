package org.truce.sim.truth;

import java.time.Instant;
import java.util.Objects;
import org.truce.sensing.FireKind;

/**
 * What really lay behind one emitted observation: the simulator's own knowledge, kept apart from the observation
 * (which carries nothing a real sensor would not report). Immutable.
 */
public sealed interface ObservationOrigin {
    /** A true report about a unit (a detection of it). {@code unit} is the unit id, {@code U-<party>-<n>}. */
    record OfUnit(String unit) implements ObservationOrigin {
        public OfUnit { Objects.requireNonNull(unit); }
    }

    /**
     * A true report of one shot's launch or impact.
     *
     * @param violation the fire violation's subject, {@code FIRE-<n>} (as in {@link FireEvent#violation()})
     * @param time      when the launch or impact happened (as in {@link FireEvent#time()})
     */
    record OfFire(String violation, FireKind kind, Instant time) implements ObservationOrigin {
        public OfFire {
            Objects.requireNonNull(violation); Objects.requireNonNull(kind); Objects.requireNonNull(time);
        }

        /** Whether {@code event} is the launch or impact this cue reports. */
        public boolean reports(FireEvent event) {
            return event.violation().equals(violation) && event.kind() == kind && event.time().equals(time);
        }
    }

    /** A false alarm: nothing real behind it. */
    record FalseAlarm() implements ObservationOrigin { }

    /** An asset's report about itself (platform fix, footprint). */
    record OwnReport() implements ObservationOrigin { }
}
