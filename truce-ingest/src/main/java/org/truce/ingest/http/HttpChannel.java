package org.truce.ingest.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import org.truce.ingest.IngestGate;
import org.truce.ingest.Reasons;
import org.truce.ingest.RejectedInput;
import org.truce.ingest.Verdict;
import org.truce.ingest.json.ObservationJson;
import org.truce.sensing.Asset;
import org.truce.ground.AssetId;
import org.truce.sensing.Observation;
import org.truce.store.AssetRegistry;

/**
 * The HTTP ingest channel, without the HTTP: what {@code POST /api/ingest/observations} and
 * {@code POST /api/ingest/geojson} do with a parsed body once the server has read it. Each item is mapped
 * ({@link ObservationJson}, {@link GeoJsonDetections}), and the request's observations go through the
 * {@link IngestGate} together ({@link IngestGate#submitAll}, one call per request), so HTTP is validated, refused
 * and counted exactly as MQTT, CoT, MAVLink and KLV are: one validator, one set of {@link Reasons}, one skew check,
 * one set of counters.
 *
 * <p>A request of the wrong shape, a missing or unknown token, or a body over the server's limit is refused as a
 * whole ({@link #refuse}: counted under {@code malformed}, {@code unauthorized} or {@code oversize}); a well-shaped
 * request is answered item by item in an {@link IngestReport}. Thread-safe.
 */
public final class HttpChannel {
    /** The channel name of observations that came over HTTP. */
    public static final String CHANNEL = "http";

    private final IngestGate gate;
    private final AssetTokens tokens;
    private final ObservationJson observations;
    private final GeoJsonDetections detections;

    /**
     * @param parties the agreement's party ids (a GeoJSON detection's {@code side})
     * @param mapper  Truce's JSON mapping ({@code TruceJson.mapper()})
     */
    public HttpChannel(IngestGate gate, AssetRegistry assets, Set<String> parties, ObjectMapper mapper) {
        this.gate = Objects.requireNonNull(gate);
        this.tokens = new AssetTokens(assets);
        this.observations = new ObservationJson(mapper, gate.validator());
        this.detections = new GeoJsonDetections(parties, gate.validator());
    }

    /** The asset whose API token this is; empty when none (the caller refuses the request as unauthorized). */
    public Optional<Asset> sender(String token) {
        return tokens.find(token);
    }

    /**
     * A batch of observations in Truce's JSON form: an array, or an object {@code {"observations": [...]}}.
     *
     * @throws RejectedInput (counted) when the body is of another shape
     */
    public IngestReport observations(Asset sender, JsonNode root) {
        JsonNode items = root.isObject() ? root.path("observations") : root;
        if (!items.isArray()) {
            throw refuse(RejectedInput.at(root.isObject() ? "observations" : "", Reasons.MALFORMED,
                    "the body must be a JSON array of observations or an object {\"observations\": [...]}"));
        }
        return ingest(sender, items, observations::read);
    }

    /**
     * A GeoJSON FeatureCollection of Point detections.
     *
     * @throws RejectedInput (counted) when the body is not a FeatureCollection with a features array
     */
    public IngestReport geoJson(Asset sender, JsonNode root) {
        if (!root.isObject() || !"FeatureCollection".equals(root.path("type").asText())) {
            throw refuse(RejectedInput.at("type", Reasons.MALFORMED, "the body must be a GeoJSON FeatureCollection"));
        }
        JsonNode features = root.path("features");
        if (!features.isArray()) {
            throw refuse(RejectedInput.at("features", Reasons.MALFORMED, "a FeatureCollection needs a features array"));
        }
        return ingest(sender, features, detections::read);
    }

    /** Counts the refusal of a whole request on channel {@value #CHANNEL} and returns it, for the caller to throw. */
    public RejectedInput refuse(RejectedInput e) {
        gate.reject(CHANNEL, e);
        return e;
    }

    /** Maps every item, then submits the ones that became observations in one batch; results in item order. */
    private IngestReport ingest(Asset sender, JsonNode items,
                                BiFunction<JsonNode, AssetId, ? extends Observation> read) {
        ItemResult[] results = new ItemResult[items.size()];
        List<Observation> batch = new ArrayList<>(items.size());
        List<Integer> at = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            try {
                batch.add(read.apply(items.get(i), sender.id()));
                at.add(i);
            } catch (RejectedInput e) {
                results[i] = ItemResult.of(i, gate.reject(CHANNEL, e));
            }
        }
        List<Verdict> verdicts = batch.isEmpty() ? List.of() : gate.submitAll(CHANNEL, batch);
        for (int k = 0; k < verdicts.size(); k++) results[at.get(k)] = ItemResult.of(at.get(k), verdicts.get(k));
        return IngestReport.of(sender.id(), List.of(results));
    }
}
