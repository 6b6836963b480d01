package org.truce.ingest.http;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;
import java.util.Optional;
import org.truce.ingest.Verdict;

/**
 * The outcome of one item of an ingest request: accepted with its id in the accepted-input log, or rejected with
 * a machine-readable reason (one of {@link org.truce.ingest.Reasons}, as on every channel), the field at fault (a JSON path relative to the item, when one is to blame) and a
 * readable detail.
 *
 * @param index  0-based position of the item in the request (array element or GeoJSON feature)
 * @param status {@code accepted} or {@code rejected}
 */
@JsonInclude(JsonInclude.Include.NON_ABSENT)
public record ItemResult(int index, String status, Optional<String> id, Optional<String> reason,
                         Optional<String> field, Optional<String> detail) {
    public ItemResult {
        Objects.requireNonNull(status); Objects.requireNonNull(id); Objects.requireNonNull(reason);
        Objects.requireNonNull(field); Objects.requireNonNull(detail);
    }

    public static ItemResult accepted(int index, String observationId) {
        return new ItemResult(index, "accepted", Optional.of(observationId), Optional.empty(), Optional.empty(),
                Optional.empty());
    }

    public static ItemResult rejected(int index, String reason, Optional<String> field, String detail) {
        return new ItemResult(index, "rejected", Optional.empty(), Optional.of(reason), field, Optional.of(detail));
    }

    /** The result of item {@code index} from the gate's verdict on it. */
    public static ItemResult of(int index, Verdict verdict) {
        return switch (verdict) {
            case Verdict.Accepted a -> accepted(index, a.observation().id());
            case Verdict.Refused r -> rejected(index, r.reason(), r.field(), r.detail());
        };
    }

    @JsonIgnore
    public boolean isAccepted() {
        return status.equals("accepted");
    }
}
