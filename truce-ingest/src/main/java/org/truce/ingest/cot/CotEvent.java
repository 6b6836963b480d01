package org.truce.ingest.cot;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One Cursor on Target event, as read from XML or from a TAK protocol message, or as the center writes it.
 * Numbers are kept raw (possibly NaN) so the validator can refuse them with a precise reason.
 *
 * @param ce     circular error (90 %) of the point in metres; {@link #UNKNOWN_ERROR} when unknown
 * @param le     linear (vertical) error in metres
 * @param detail the parts of {@code <detail>} the center reads or writes
 */
public record CotEvent(String uid, String type, String how, Instant time, Instant start, Instant stale,
                       double lat, double lon, double hae, double ce, double le, Detail detail) {
    /** The value CoT uses for an unknown error or height. */
    public static final double UNKNOWN_ERROR = 9_999_999;

    public CotEvent {
        Objects.requireNonNull(uid); Objects.requireNonNull(type); Objects.requireNonNull(how);
        Objects.requireNonNull(time); Objects.requireNonNull(start); Objects.requireNonNull(stale);
        Objects.requireNonNull(detail);
    }

    /**
     * The read or written parts of an event's detail.
     *
     * @param linkParent  uid of the {@code <link relation="p-p">} element: the producer of this event
     * @param callsign    {@code <contact callsign>}
     * @param course      {@code <track course>} in degrees
     * @param speed       {@code <track speed>} in m/s
     * @param truce       attributes of the {@code <_truce>} extension (side, sideConfidence, classConfidence, count)
     * @param takControl  the TAK protocol control element in a {@code t-x-takp-*} event: {@code request}
     *                    (version asked), {@code response} (status), {@code support} (version offered)
     * @param xml         the inner XML of {@code <detail>} to write out verbatim (events the center sends)
     */
    public record Detail(Optional<String> linkParent, Optional<String> callsign, Optional<String> remarks,
                         Optional<Double> course, Optional<Double> speed, Map<String, String> truce,
                         Map<String, String> takControl, String xml) {
        public static final Detail EMPTY = new Detail(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Map.of(), Map.of(), "");

        public Detail {
            Objects.requireNonNull(linkParent); Objects.requireNonNull(callsign); Objects.requireNonNull(remarks);
            Objects.requireNonNull(course); Objects.requireNonNull(speed);
            truce = Map.copyOf(truce);
            takControl = Map.copyOf(takControl);
            Objects.requireNonNull(xml);
        }

        /** A detail written out as the given inner XML. */
        public static Detail ofXml(String xml) {
            return new Detail(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.empty(), Map.of(), Map.of(), xml);
        }
    }
}
