package org.truce.agreement;

/** What a party's forces are to the agreement. Only data decides which party has which role. */
public enum PartyRole {
    /** A side whose forces the ceasefire binds (e.g. Armenia, Azerbaijan). */
    BELLIGERENT,
    /** A force deployed to keep the peace, bound by caps and zones (e.g. the Russian peacekeeping contingent). */
    PEACEKEEPER
}
