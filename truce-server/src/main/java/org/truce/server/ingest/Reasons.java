package org.truce.server.ingest;

/** The rejection reasons the HTTP ingest adds to the center's own ({@code unknown-asset}, {@code stale} …). */
final class Reasons {
    /** The item cannot become an observation: wrong type, missing field, value out of range. */
    static final String INVALID = "invalid";
    /** The item names another asset than the one whose token was presented. */
    static final String WRONG_ASSET = "wrong-asset";
    /** No token, or a token no asset has. */
    static final String UNAUTHORIZED = "unauthorized";
    /** The body is not JSON or not of the expected shape. */
    static final String MALFORMED = "malformed";
    /** The body is larger than the configured limit (the adapters' name for an over-long frame). */
    static final String TOO_LARGE = "oversize";

    private Reasons() {}
}
