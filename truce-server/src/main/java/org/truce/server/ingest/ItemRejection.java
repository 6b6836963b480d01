package org.truce.server.ingest;

import java.util.Objects;
import java.util.Optional;

/**
 * Thrown while turning one request item into an observation: the item is refused, the others go on.
 *
 * @see ItemResult#rejected
 */
final class ItemRejection extends Exception {
    private final String reason;
    private final Optional<String> field;

    ItemRejection(String reason, Optional<String> field, String detail) {
        super(detail, null, false, false);
        this.reason = Objects.requireNonNull(reason);
        this.field = Objects.requireNonNull(field);
    }

    static ItemRejection invalid(String field, String detail) {
        return new ItemRejection(Reasons.INVALID, Optional.of(field).filter(f -> !f.isEmpty()), detail);
    }

    String reason() {
        return reason;
    }

    Optional<String> field() {
        return field;
    }
}
