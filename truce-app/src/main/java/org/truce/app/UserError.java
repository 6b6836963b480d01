package org.truce.app;

/** Bad input from the user (a file, an option, a configuration value): exit code 2 with this message. */
final class UserError extends RuntimeException {
    UserError(String message) {
        super(message);
    }

    UserError(String message, Throwable cause) {
        super(message, cause);
    }
}
