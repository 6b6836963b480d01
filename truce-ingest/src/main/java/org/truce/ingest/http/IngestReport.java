package org.truce.ingest.http;

import java.util.List;
import java.util.Objects;
import org.truce.ground.AssetId;

/**
 * The answer to a well-formed ingest request: one {@link ItemResult} per item, in request order.
 *
 * @param asset    the asset the token belongs to (every item was checked against it)
 * @param accepted how many items are now in the accepted-input log
 * @param rejected how many were refused
 */
public record IngestReport(AssetId asset, int accepted, int rejected, List<ItemResult> results) {
    public IngestReport {
        Objects.requireNonNull(asset);
        results = List.copyOf(results);
    }

    public static IngestReport of(AssetId asset, List<ItemResult> results) {
        int ok = (int) results.stream().filter(ItemResult::isAccepted).count();
        return new IngestReport(asset, ok, results.size() - ok, results);
    }
}
