package org.truce.store.jdbc;

/**
 * A JDBC store could not be opened, migrated or used. The message names the database (data directory or
 * JDBC URL without credentials) and the reason; the cause keeps the driver's exception.
 */
public final class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    public StoreException(String message) {
        super(message);
    }
}
