package org.truce.server.api;

import java.util.Optional;

/** The kinds of problem the API reports; each has one type URI, title and HTTP status. */
public enum ProblemType {
    BAD_PARAMETER("bad-parameter", "Bad request parameter", 400),
    MALFORMED_BODY("malformed-body", "Malformed request body", 400),
    UNAUTHORIZED("unauthorized", "Missing or wrong credentials", 401),
    CSRF_REJECTED("csrf-rejected", "Cross-site request refused", 403),
    TOO_MANY_SIGN_INS("too-many-sign-ins", "Too many failed sign-ins", 429),
    NOT_FOUND("not-found", "Resource not found", 404),
    PAYLOAD_TOO_LARGE("payload-too-large", "Request body too large", 413),
    NO_SUCH_ENDPOINT("no-such-endpoint", "No such endpoint", 404),
    METHOD_NOT_ALLOWED("method-not-allowed", "Method not allowed", 405),
    HTTP_ERROR("http-error", "HTTP error", 400),
    INTERNAL("internal-error", "Internal server error", 500),
    FORBIDDEN("forbidden", "Not allowed for this principal", 403),
    CONFLICT("conflict", "Conflicts with the current state", 409),
    UNPROCESSABLE("unprocessable", "Request cannot be applied", 422);

    private final String slug;
    private final String title;
    private final int status;

    ProblemType(String slug, String title, int status) {
        this.slug = slug;
        this.title = title;
        this.status = status;
    }

    public String uri() {
        return "urn:truce:problem:" + slug;
    }

    public String title() {
        return title;
    }

    public int status() {
        return status;
    }

    public Problem problem(String detail, String instance, Optional<String> parameter) {
        return new Problem(uri(), title, status, detail, instance, parameter);
    }

    /** The same kind with another status (for framework errors that carry their own status). */
    public Problem problem(int status, String detail, String instance) {
        return new Problem(uri(), title, status, detail, instance, Optional.empty());
    }
}
