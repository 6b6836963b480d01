package org.truce.server.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;
import java.util.Optional;

/**
 * An RFC 9457 problem detail, the body of every error response ({@code application/problem+json}).
 *
 * @param type      a URI naming the kind of problem ({@code urn:truce:problem:bad-parameter} …)
 * @param title     short summary of the kind, the same for every occurrence
 * @param status    the HTTP status code
 * @param detail    what went wrong this time, naming the parameter and the value
 * @param instance  the request path and query that failed
 * @param parameter extension member: the query or path parameter at fault, when there is one
 * @param line      extension member: for a malformed request body, the 1-based line of the error
 * @param column    extension member: for a malformed request body, the 1-based column of the error
 */
@JsonInclude(JsonInclude.Include.NON_ABSENT)
public record Problem(String type, String title, int status, String detail, String instance,
                      Optional<String> parameter, Optional<Integer> line, Optional<Integer> column) {
    public static final String MEDIA_TYPE = "application/problem+json";

    public Problem {
        Objects.requireNonNull(type); Objects.requireNonNull(title); Objects.requireNonNull(detail);
        Objects.requireNonNull(instance); Objects.requireNonNull(parameter);
        Objects.requireNonNull(line); Objects.requireNonNull(column);
    }

    /** A problem without a body position. */
    public Problem(String type, String title, int status, String detail, String instance, Optional<String> parameter) {
        this(type, title, status, detail, instance, parameter, Optional.empty(), Optional.empty());
    }
}
