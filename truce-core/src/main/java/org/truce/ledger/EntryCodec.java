package org.truce.ledger;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.truce.codec.TruceJson;

/**
 * The canonical, deterministic encoding of a log entry (format {@code truce-entry v1}):
 * <pre>
 *   "truce-entry v1 " kind-name LF canonical-JSON
 * </pre>
 * all UTF-8, no trailing newline. Canonical JSON is the payload as {@link TruceJson} maps it, with every object's
 * members sorted by key (Java {@code String} order, i.e. UTF-16 code units), no insignificant whitespace, strings
 * with Jackson's minimal escaping (so never a raw LF), numbers as Jackson writes them. Equal payloads always give
 * equal bytes. Thread-safe.
 */
public final class EntryCodec {
    /** The first bytes of every v1 entry. */
    public static final String HEADER_PREFIX = "truce-entry v1 ";

    private static final ObjectMapper MAPPER = TruceJson.mapper();

    private EntryCodec() {}

    public static byte[] encode(EntryKind kind, Object payload) {
        Objects.requireNonNull(kind); Objects.requireNonNull(payload);
        JsonNode tree = MAPPER.valueToTree(payload);
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        out.writeBytes((HEADER_PREFIX + kind.wireName() + "\n").getBytes(StandardCharsets.US_ASCII));
        try (JsonGenerator g = MAPPER.getFactory().createGenerator(out)) {
            writeCanonical(g, tree);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot encode " + kind.wireName() + " payload: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    /** Parses an entry; throws {@link EntryFormatException} saying what is wrong. */
    public static DecodedEntry decode(byte[] entry) {
        int lf = -1;
        for (int i = 0; i < entry.length; i++) {
            if (entry[i] == '\n') {
                lf = i;
                break;
            }
        }
        if (lf < 0) throw new EntryFormatException("no header line (no LF)");
        String header = new String(entry, 0, lf, StandardCharsets.UTF_8);
        if (!header.startsWith(HEADER_PREFIX)) {
            throw new EntryFormatException("header \"" + header + "\" does not start with \"" + HEADER_PREFIX + "\"");
        }
        String name = header.substring(HEADER_PREFIX.length());
        EntryKind kind = EntryKind.ofWireName(name)
                .orElseThrow(() -> new EntryFormatException("unknown entry kind \"" + name + "\""));
        JsonNode json;
        try {
            json = MAPPER.readTree(entry, lf + 1, entry.length - lf - 1);
        } catch (IOException e) {
            throw new EntryFormatException("payload is not JSON: " + e.getMessage());
        }
        if (json == null || !json.isObject()) throw new EntryFormatException("payload is not a JSON object");
        return new DecodedEntry(kind, json);
    }

    /** Decodes a payload into its record type (e.g. {@link CheckpointRefusal}). */
    public static <T> T payload(DecodedEntry entry, Class<T> type) {
        try {
            return MAPPER.treeToValue(entry.json(), type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new EntryFormatException(entry.kind().wireName() + " payload does not read as "
                    + type.getSimpleName() + ": " + e.getMessage());
        }
    }

    /** Writes {@code node} with every object's members in key order, straight from the tree. */
    private static void writeCanonical(JsonGenerator g, JsonNode node) throws IOException {
        if (node instanceof ObjectNode obj) {
            List<String> names = new ArrayList<>(obj.size());
            obj.fieldNames().forEachRemaining(names::add);
            Collections.sort(names);
            g.writeStartObject();
            for (String n : names) {
                g.writeFieldName(n);
                writeCanonical(g, obj.get(n));
            }
            g.writeEndObject();
        } else if (node instanceof ArrayNode arr) {
            g.writeStartArray();
            for (JsonNode e : arr) writeCanonical(g, e);
            g.writeEndArray();
        } else {
            if (node.isNumber() && !Double.isFinite(node.doubleValue())) {
                throw new IllegalArgumentException("non-finite number in a log entry");
            }
            MAPPER.writeTree(g, node);
        }
    }

    /** An entry read back: its kind and its JSON payload. */
    public record DecodedEntry(EntryKind kind, JsonNode json) {
        public DecodedEntry {
            Objects.requireNonNull(kind); Objects.requireNonNull(json);
        }
    }
}
