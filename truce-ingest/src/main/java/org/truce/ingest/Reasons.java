package org.truce.ingest;

/**
 * The one set of rejection reasons every channel (MAVLink, CoT, MQTT, KLV, HTTP) counts under (metric label
 * {@code reason}) and answers with; docs/sensors.md explains each. {@code stale}, {@code future} and
 * {@code unknown-asset} are also the reasons the center itself uses.
 */
public final class Reasons {
    private Reasons() {}

    /**
     * Not parseable in the adapter's format (bad XML, bad JSON, bad KLV, bad protobuf, bad framing), or not of the
     * expected shape (a missing field, a wrong JSON type, an unknown kind).
     */
    public static final String MALFORMED = "malformed";
    /** Bigger than the configured frame limit. */
    public static final String OVERSIZE = "oversize";
    /** XML with a DOCTYPE or entity declarations (XXE, entity expansion). */
    public static final String FORBIDDEN_DTD = "forbidden-dtd";
    /** NaN or infinite number. */
    public static final String NOT_FINITE = "not-finite";
    /** Latitude outside [-90, 90] or longitude outside [-180, 180]. */
    public static final String COORDINATE_RANGE = "coordinate-range";
    /** Altitude outside the configured bounds. */
    public static final String ALTITUDE_RANGE = "altitude-range";
    /** Another value outside its allowed range or set (negative speed, probability above 1, unknown object class …). */
    public static final String INVALID_VALUE = "invalid-value";
    /** Older than the configured past skew. */
    public static final String STALE = "stale";
    /** Newer than the configured future skew. */
    public static final String FUTURE = "future";
    /** The asset id is not registered. */
    public static final String UNKNOWN_ASSET = "unknown-asset";
    /** No asset is bound to the MAVLink system id. */
    public static final String UNKNOWN_SYSTEM_ID = "unknown-system-id";
    /** A CoT event whose sending asset cannot be determined (no p-p link, no known uid or callsign). */
    public static final String UNKNOWN_SENDER = "unknown-sender";
    /** The observation names another asset than the one the channel knows sent it (HTTP token, MQTT topic). */
    public static final String WRONG_ASSET = "wrong-asset";
    /** An HTTP request without a bearer token, or with one no asset has. */
    public static final String UNAUTHORIZED = "unauthorized";
    /** The MQTT topic's contingent does not own the topic's asset. */
    public static final String TOPIC_MISMATCH = "topic-mismatch";
    /** A footprint could not be computed (camera above the horizon, no field of view registered). */
    public static final String NO_FOOTPRINT = "no-footprint";
}
