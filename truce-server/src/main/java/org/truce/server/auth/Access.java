package org.truce.server.auth;

/**
 * Who may call a route, as {@link RoutePolicy} says. Coarse on purpose: which contingent or party a caller may act
 * for, and what each one sees of a case, stays with {@link org.truce.cases.Authorization} and
 * {@link org.truce.cases.Visibility}. No level names a contingent or a party.
 */
public enum Access {
    /** Anyone, signed in or not. */
    PUBLIC,
    /** Operational data: anyone or staff and auditors, as {@link OperationalData} is set. */
    OPERATIONAL,
    /**
     * What the center shares with the parties' liaison officers as well as with its staff and auditors (flight
     * plans: deconfliction and transparency): any signed-in principal, and anyone when {@link OperationalData} is
     * PUBLIC.
     */
    SHARED,
    /**
     * An OGC collection route: as {@link RoutePolicy#collectionAccess} says for the collection — public for the
     * published material ({@code zones}, {@code findings}), {@link #SHARED} for {@code flight-plans},
     * {@link #OPERATIONAL} for the others.
     */
    COLLECTION,
    /** Any signed-in principal (the handler narrows further). */
    SIGNED_IN,
    /** Staff of a contingent (analyst, duty officer, head of contingent). */
    STAFF,
    /** Staff and auditors. */
    STAFF_OR_AUDITOR,
    /** Auditors only. */
    AUDITOR,
    /** A party's liaison officer. */
    LIAISON,
    /** A sensor platform: the handler checks the asset's own token, not a person. */
    ASSET_TOKEN
}
