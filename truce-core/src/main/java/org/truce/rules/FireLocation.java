package org.truce.rules;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.truce.ground.PartyId;
import org.truce.ground.ZoneId;
import org.truce.ground.uncertainty.ErrorEllipse;
import org.truce.geo.GeoPoint;
import org.truce.sensing.FireKind;

/**
 * Where the fire event of a cease-fire incident was and how it was placed: the event shown for the incident (its
 * launch when one was located, else its best-located event), the 95 % error ellipse, the cues behind it, and the
 * launch with the probability of each side of the line. Immutable.
 *
 * <p>Ellipse orientations are azimuths of the semi-major axis in degrees clockwise from <em>true</em> north, in
 * [0, 180); semi-axes in metres. Probabilities come from the estimate's full 2-D covariance integrated over the
 * zones (never an isotropic sigma).
 *
 * @param method       how {@code position} was found
 * @param kind         what the event's cues report: {@code LAUNCH}, {@code IMPACT}, … ({@code UNDETERMINED} when they
 *                     disagree or say nothing)
 * @param position     WGS 84
 * @param ellipse95    the 95 % error ellipse around {@code position}; empty when {@link Method#NOT_LOCATED}
 * @param uncertaintyM radius of a circle around {@code position} holding at least 95 %: the ellipse's semi-major
 *                     axis, or for {@link Method#NOT_LOCATED} the reporting sensors' range
 * @param cues         number of cues of the event shown
 * @param cueKinds     how many of those were of each kind: {@code arrival} (acoustic time of arrival),
 *                     {@code bearing}, {@code bearingBand} (bearing with a distance band), {@code fix} (located by the
 *                     sensor)
 * @param evidence     ids of the observations of the event shown, in time order (the incident's evidence holds all)
 * @param events       number of fire events (shots) the incident holds so far
 * @param launch       the launch, when the cues tell it from the impact and it could be placed
 * @param note         why the locator could not place the cues together, when it could not (its reason and numbers)
 */
public record FireLocation(Method method, FireKind kind, GeoPoint position, Optional<ErrorEllipse> ellipse95,
                           double uncertaintyM, int cues, Map<String, Integer> cueKinds, List<String> evidence, int events,
                           Optional<Launch> launch, Optional<String> note) {
    public FireLocation {
        Objects.requireNonNull(method); Objects.requireNonNull(kind); Objects.requireNonNull(position);
        Objects.requireNonNull(ellipse95); Objects.requireNonNull(launch); Objects.requireNonNull(note);
        cueKinds = Collections.unmodifiableMap(new TreeMap<>(cueKinds));
        evidence = List.copyOf(evidence);
        if (!(uncertaintyM >= 0)) throw new IllegalArgumentException("uncertaintyM must be >= 0, was " + uncertaintyM);
        if (method == Method.NOT_LOCATED == ellipse95.isPresent()) {
            throw new IllegalArgumentException("an ellipse exactly when the event was placed (method " + method + ")");
        }
    }

    /** How a fire event was placed, best first. */
    public enum Method {
        /** Cues of one event solved together by least squares (TDOA, bearings, distance bands, fixes). */
        LOCATED,
        /** The cues did not solve together; placed by the one sensor that located the event itself. */
        SINGLE_FIX,
        /** The cues did not solve together; placed by one bearing-and-distance-band report's geometry. */
        BEARING_BAND,
        /** No position: the event was heard or seen, but not placed; {@code position} is the sensors' centroid. */
        NOT_LOCATED
    }

    /**
     * The launch of the event.
     *
     * @param sides one entry per held area of the agreement: where the launch probably was
     */
    public record Launch(Method method, GeoPoint position, ErrorEllipse ellipse95, List<SideProbability> sides) {
        public Launch {
            Objects.requireNonNull(method); Objects.requireNonNull(position); Objects.requireNonNull(ellipse95);
            sides = List.copyOf(sides);
            if (method == Method.NOT_LOCATED) throw new IllegalArgumentException("a launch is placed by definition");
        }
    }

    /**
     * The probability that the launch was in a held area, beyond its line, or in the places beyond the line that
     * other provisions govern (the hold-positions rule's {@code exceptIn}), where either party may be. The three
     * sum to 1 (up to the quadrature's 1e-3).
     *
     * @param heldArea     the held area
     * @param holder       its holder, credited with {@code inside}
     * @param inside       probability that the launch was inside the held area
     * @param outsideParty the party beyond the line (the hold-positions rule's outside party), credited with
     *                     {@code beyond}; empty when no rule names one
     * @param beyond       probability that the launch was beyond the line and not in a contested place
     * @param contested    probability that the launch was in a contested place beyond the line: credited to neither
     */
    public record SideProbability(ZoneId heldArea, PartyId holder, double inside, Optional<PartyId> outsideParty,
                                  double beyond, double contested) {
        public SideProbability {
            Objects.requireNonNull(heldArea); Objects.requireNonNull(holder); Objects.requireNonNull(outsideParty);
        }
    }
}
