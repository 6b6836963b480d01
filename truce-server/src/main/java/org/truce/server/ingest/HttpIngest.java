package org.truce.server.ingest;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.truce.ingest.IngestGate;
import org.truce.ingest.Reasons;
import org.truce.ingest.RejectedInput;
import org.truce.ingest.http.AssetTokens;
import org.truce.ingest.http.HttpChannel;
import org.truce.ingest.http.IngestReport;
import org.truce.pipeline.Center;
import org.truce.sensing.Asset;
import org.truce.server.api.ProblemException;

/**
 * The HTTP ingest endpoints, a thin adapter of {@link HttpChannel}: {@code POST /api/ingest/observations} (a batch of
 * Observation JSON) and {@code POST /api/ingest/geojson} (a FeatureCollection of detections). Both need
 * {@code Authorization: Bearer <token>} with the sending asset's {@link Asset#apiToken()}, and every item must belong
 * to that asset.
 *
 * <p>This class does only the HTTP: the token header, the body's size limit and JSON syntax, and the problem
 * answers. Mapping, validation and counting are the ingest module's ({@link HttpChannel} and its
 * {@link IngestGate}), the same as every other channel's; the request's observations are submitted in one batch.
 * A well-formed request is answered 200 with an {@link IngestReport}; a malformed body, a missing or wrong token, or
 * a body over the size limit is answered with a problem and nothing of it is accepted. Thread-safe.
 */
public final class HttpIngest {
    /** The channel name of observations that came over HTTP. */
    public static final String CHANNEL = HttpChannel.CHANNEL;

    private final HttpChannel channel;
    private final ObjectMapper mapper;
    private final long maxBytes;

    /** @param maxBytes largest body read; a longer one is refused with 413 */
    public HttpIngest(Center center, IngestGate gate, ObjectMapper mapper, long maxBytes) {
        this.channel = new HttpChannel(gate, center.store().assets(), center.agreement().parties().stream()
                .map(p -> p.id().value()).collect(Collectors.toSet()), mapper);
        this.mapper = Objects.requireNonNull(mapper);
        this.maxBytes = maxBytes;
    }

    public void observations(Context ctx) {
        Asset asset = authenticate(ctx);
        JsonNode root = body(ctx);
        ctx.json(shaped(() -> channel.observations(asset, root)));
    }

    public void geoJson(Context ctx) {
        Asset asset = authenticate(ctx);
        JsonNode root = body(ctx);
        ctx.json(shaped(() -> channel.geoJson(asset, root)));
    }

    /** A body of the wrong shape (already counted by the channel) is a 400 naming the member at fault. */
    private static IngestReport shaped(java.util.function.Supplier<IngestReport> ingest) {
        try {
            return ingest.get();
        } catch (RejectedInput e) {
            throw ProblemException.badBody(e.field().orElse(""), e.getMessage());
        }
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
        return channel.sender(token.get()).orElseThrow(() -> {
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
        return refused(Reasons.OVERSIZE, ProblemException.tooLarge("the body is larger than the limit of "
                + maxBytes + " bytes (" + what + "); split the batch"));
    }

    private ProblemException malformed(ProblemException e) {
        return refused(Reasons.MALFORMED, e);
    }

    private ProblemException refused(String reason, ProblemException e) {
        channel.refuse(new RejectedInput(reason, e.getMessage()));
        return e;
    }
}
