package org.truce.ledger;

/** An entry's bytes are not a valid {@code truce-entry v1}; the message says what is wrong. */
public final class EntryFormatException extends RuntimeException {
    public EntryFormatException(String message) {
        super(message);
    }
}
