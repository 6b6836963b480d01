package org.truce.server.api;

import java.util.Objects;
import java.util.Optional;

/**
 * Thrown by a handler to answer with a problem: the server turns it into an RFC 9457 response.
 * One static factory per kind of problem keeps type, title and status together.
 */
public final class ProblemException extends RuntimeException {
    private final ProblemType type;
    private final Optional<String> parameter;

    public ProblemException(ProblemType type, String detail, Optional<String> parameter) {
        super(detail);
        this.type = Objects.requireNonNull(type);
        this.parameter = Objects.requireNonNull(parameter);
    }

    /** A query or path parameter that cannot be used; {@code detail} says why and shows the value. */
    public static ProblemException badParameter(String parameter, String detail) {
        return new ProblemException(ProblemType.BAD_PARAMETER, detail, Optional.of(parameter));
    }

    /** A well-formed id that names nothing. */
    public static ProblemException notFound(String parameter, String detail) {
        return new ProblemException(ProblemType.NOT_FOUND, detail, Optional.of(parameter));
    }

    public ProblemType type() {
        return type;
    }

    public Optional<String> parameter() {
        return parameter;
    }

    public Problem toProblem(String instance) {
        return type.problem(getMessage(), instance, parameter);
    }
}
