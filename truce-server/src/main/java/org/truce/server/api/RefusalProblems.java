package org.truce.server.api;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.truce.cases.Refusal;

/**
 * Turns the core's {@link Refusal}s into problems: FORBIDDEN → 403, NOT_FOUND → 404, CONFLICT → 409, INVALID → 422
 * with the field the core names first ({@code record.field …}) as the problem's parameter. Stateless.
 */
public final class RefusalProblems {
    private static final Pattern FIELD = Pattern.compile("^([a-z]+[A-Za-z]*\\.[a-zA-Z]+)\\b");

    private RefusalProblems() {}

    public static ProblemException of(Refusal r) {
        return switch (r.kind()) {
            case FORBIDDEN -> ProblemException.forbidden(r.reason());
            case NOT_FOUND -> ProblemException.notFound("id", r.reason());
            case CONFLICT -> ProblemException.conflict(r.reason());
            case INVALID -> ProblemException.unprocessable(field(r.reason()), r.reason());
        };
    }

    /** The field a refusal names first ({@code record.field …}), if any. */
    public static Optional<String> field(String reason) {
        Matcher m = FIELD.matcher(reason);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }
}
