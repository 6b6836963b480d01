package org.truce.app.ledger;

/** A log bundle's file is missing or malformed; the message names the file (and line) and the reason. */
public final class BundleFormatException extends RuntimeException {
    public BundleFormatException(String message) {
        super(message);
    }
}
