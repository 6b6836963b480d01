package org.truce.server.ingest;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.truce.pipeline.Acceptance;
import org.truce.pipeline.Center;
import org.truce.sensing.Asset;
import org.truce.ground.AssetId;
import org.truce.sensing.Observation;
import org.truce.server.api.ProblemException;

/**
 * The HTTP ingest endpoints: {@code POST /api/ingest/observations} (a batch of Observation JSON) and
 * {@code POST /api/ingest/geojson} (a FeatureCollection of detections). Both need {@code Authorization: Bearer
 * <token>} with the sending asset's {@link Asset#apiToken()}, and every item must belong to that asset.
 *
 * <p>Each item goes to {@link Center#accept} on channel {@value #CHANNEL} independently: an accepted item is durable
 * whatever happens to the items after it. A well-formed request is answered 200 with an {@link IngestReport};
 * a malformed body, a missing or wrong token, or a body over the size limit is answered with a problem and
 * nothing of it is accepted. Every refusal is counted in {@link Center#rejections()} under channel
 * {@value #CHANNEL}. Thread-safe.
 */
public final class HttpIngest {
    /** The channel name of observations that came over HTTP. */
    public static final String CHANNEL = "http";

    private final Center center;
    private final ObjectMapper mapper;
    private final long maxBytes;
    private final AssetTokens tokens;
    private final ObservationItems observations;
    private final GeoJsonDetections detections;

    /** @param maxBytes largest body read; a longer one is refused with 413 */
    public HttpIngest(Center center, ObjectMapper mapper, long maxBytes) {
        this.center = Objects.requireNonNull(center);
        this.mapper = Objects.requireNonNull(mapper);
        this.maxBytes = maxBytes;
        this.tokens = new AssetTokens(center.store().assets());
        this.observations = new ObservationItems(mapper);
        this.detections = new GeoJsonDetections(center.agreement().parties().stream()
                .map(p -> p.id().value()).collect(Collectors.toSet()));
    }

    public void observations(Context ctx) {
        Asset asset = authenticate(ctx);
        JsonNode root = body(ctx);
        JsonNode items = root.isObject() ? root.path("observations") : root;
        if (!items.isArray()) {
            throw malformed(ProblemException.badBody(root.isObject() ? "observations" : "",
                    "the body must be a JSON array of observations or an object {\"observations\": [...]}"));
        }
        List<ItemResult> results = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            results.add(ingest(i, () -> observations.read(item, asset.id())));
        }
        ctx.json(IngestReport.of(asset.id(), results));
    }

    public void geoJson(Context ctx) {
        Asset asset = authenticate(ctx);
        JsonNode root = body(ctx);
        if (!root.isObject() || !"FeatureCollection".equals(root.path("type").asText())) {
            throw malformed(ProblemException.badBody("type", "the body must be a GeoJSON FeatureCollection"));
        }
        JsonNode features = root.path("features");
        if (!features.isArray()) {
            throw malformed(ProblemException.badBody("features", "a FeatureCollection needs a features array"));
        }
        List<ItemResult> results = new ArrayList<>(features.size());
        for (int i = 0; i < features.size(); i++) {
            JsonNode feature = features.get(i);
            results.add(ingest(i, () -> detections.read(feature, asset.id())));
        }
        ctx.json(IngestReport.of(asset.id(), results));
    }

    /** Reads one item and, if it makes an observation, hands it to the center. */
    private ItemResult ingest(int index, ItemReader reader) {
        Observation o;
        try {
            o = reader.read();
        } catch (ItemRejection e) {
            center.rejections().reject(CHANNEL, new Acceptance.Rejected(e.reason(),
                    "item " + index + e.field().map(f -> " field " + f).orElse("") + ": " + e.getMessage()));
            return ItemResult.rejected(index, e.reason(), e.field(), e.getMessage());
        }
        return switch (center.accept(CHANNEL, o)) {
            case Acceptance.Accepted a -> ItemResult.accepted(index, a.observation().id());
            case Acceptance.Rejected r -> ItemResult.rejected(index, r.reason(), Optional.empty(), r.detail());
        };
    }

    private Asset authenticate(Context ctx) {
        // Like every endpoint, ingest refuses query parameters it does not know (it knows none).
        ctx.queryParamMap().keySet().stream().findFirst().ifPresent(p -> {
            throw ProblemException.badParameter(p, "unknown query parameter '" + p + "'; ingest takes none");
        });
        Optional<String> token = AssetTokens.bearer(ctx.header("Authorization"));
        if (token.isEmpty()) {
            ctx.header("WWW-Authenticate", "Bearer realm=\"truce-ingest\"");
            throw refused(Reasons.UNAUTHORIZED, ProblemException.unauthorized(
                    "send the asset's API token as 'Authorization: Bearer <token>'"));
        }
        return tokens.find(token.get()).orElseThrow(() -> {
            ctx.header("WWW-Authenticate", "Bearer realm=\"truce-ingest\", error=\"invalid_token\"");
            return refused(Reasons.UNAUTHORIZED, ProblemException.unauthorized(
                    "the bearer token belongs to no registered asset"));
        });
    }

    private JsonNode body(Context ctx) {
        long declared = ctx.req().getContentLengthLong();
        if (declared > maxBytes) throw tooLarge(declared + " bytes declared");
        byte[] bytes;
        try (InputStream in = ctx.req().getInputStream()) {
            bytes = in.readNBytes((int) Math.min(maxBytes + 1, Integer.MAX_VALUE - 8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (bytes.length > maxBytes) throw tooLarge("more than " + maxBytes + " bytes sent");
        if (bytes.length == 0) throw malformed(ProblemException.malformedBody("the body is empty", 0, 0));
        try {
            return mapper.readTree(bytes);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            int line = at == null ? 0 : at.getLineNr();
            int column = at == null ? 0 : at.getColumnNr();
            throw malformed(ProblemException.malformedBody("the body is not well-formed JSON at line " + line
                    + ", column " + column + ": " + e.getOriginalMessage(), line, column));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ProblemException tooLarge(String what) {
        return refused(Reasons.TOO_LARGE, ProblemException.tooLarge("the body is larger than the limit of "
                + maxBytes + " bytes (" + what + "); split the batch"));
    }

    private ProblemException malformed(ProblemException e) {
        return refused(Reasons.MALFORMED, e);
    }

    private ProblemException refused(String reason, ProblemException e) {
        center.rejections().reject(CHANNEL, new Acceptance.Rejected(reason, e.getMessage()));
        return e;
    }

    @FunctionalInterface
    private interface ItemReader {
        Observation read() throws ItemRejection;
    }
}
