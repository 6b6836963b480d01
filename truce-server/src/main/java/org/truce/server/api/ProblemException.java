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
    private final Optional<Integer> line;
    private final Optional<Integer> column;

    public ProblemException(ProblemType type, String detail, Optional<String> parameter) {
        this(type, detail, parameter, Optional.empty(), Optional.empty());
    }

    private ProblemException(ProblemType type, String detail, Optional<String> parameter, Optional<Integer> line,
                             Optional<Integer> column) {
        super(detail);
        this.type = Objects.requireNonNull(type);
        this.parameter = Objects.requireNonNull(parameter);
        this.line = Objects.requireNonNull(line);
        this.column = Objects.requireNonNull(column);
    }

    /** A request body that is not well-formed JSON; {@code line} and {@code column} are 1-based (0 if unknown). */
    public static ProblemException malformedBody(String detail, int line, int column) {
        return new ProblemException(ProblemType.MALFORMED_BODY, detail, Optional.empty(),
                Optional.of(line).filter(n -> n > 0), Optional.of(column).filter(n -> n > 0));
    }

    /** A well-formed body of the wrong shape; {@code field} is the JSON path at fault. */
    public static ProblemException badBody(String field, String detail) {
        return new ProblemException(ProblemType.MALFORMED_BODY, detail, Optional.of(field));
    }

    /** A missing or unknown credential; {@code detail} never echoes the credential. */
    public static ProblemException unauthorized(String detail) {
        return new ProblemException(ProblemType.UNAUTHORIZED, detail, Optional.empty());
    }

    /** A body longer than the server reads. */
    public static ProblemException tooLarge(String detail) {
        return new ProblemException(ProblemType.PAYLOAD_TOO_LARGE, detail, Optional.empty());
    }

    /** A query or path parameter that cannot be used; {@code detail} says why and shows the value. */
    public static ProblemException badParameter(String parameter, String detail) {
        return new ProblemException(ProblemType.BAD_PARAMETER, detail, Optional.of(parameter));
    }

    /** A well-formed id that names nothing. */
    public static ProblemException notFound(String parameter, String detail) {
        return new ProblemException(ProblemType.NOT_FOUND, detail, Optional.of(parameter));
    }

    /** The caller may not do this; {@code detail} says which rule refused it. */
    public static ProblemException forbidden(String detail) {
        return new ProblemException(ProblemType.FORBIDDEN, detail, Optional.empty());
    }

    /** The request is well-formed but conflicts with the resource's current state (illegal move, lock held). */
    public static ProblemException conflict(String detail) {
        return new ProblemException(ProblemType.CONFLICT, detail, Optional.empty());
    }

    /** The request is well-formed but its content cannot be applied; {@code field} names the part at fault. */
    public static ProblemException unprocessable(Optional<String> field, String detail) {
        return new ProblemException(ProblemType.UNPROCESSABLE, detail, field);
    }

    public ProblemType type() {
        return type;
    }

    public Optional<String> parameter() {
        return parameter;
    }

    public Problem toProblem(String instance) {
        return new Problem(type.uri(), type.title(), type.status(), getMessage(), instance, parameter, line, column);
    }
}
