package org.truce.agreement.io;

import java.util.List;
import java.util.stream.Collectors;

/**
 * An agreement that could not be loaded, with every problem found (never only the first).
 * The message lists them one per line, so a command-line user sees all of them at once.
 */
public final class AgreementException extends RuntimeException {
    private final transient List<AgreementError> errors;

    public AgreementException(String what, List<AgreementError> errors) {
        super(message(what, errors));
        if (errors.isEmpty()) throw new IllegalArgumentException("an AgreementException needs at least one error");
        this.errors = List.copyOf(errors);
    }

    /** Every problem: {@code agreement.json}'s first, then each zone file's; within a file by line. */
    public List<AgreementError> errors() {
        return errors;
    }

    private static String message(String what, List<AgreementError> errors) {
        return what + ": " + errors.size() + (errors.size() == 1 ? " error" : " errors") + System.lineSeparator()
                + errors.stream().map(e -> "  " + e).collect(Collectors.joining(System.lineSeparator()));
    }
}
