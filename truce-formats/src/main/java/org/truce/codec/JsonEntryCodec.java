package org.truce.codec;

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
import java.util.Optional;
import org.truce.ledger.EntryCodec;
import org.truce.ledger.EntryFormatException;
import org.truce.ledger.EntryKind;

/**
 * The canonical, deterministic encoding of a log entry (format {@code truce-entry v1}):
 * <pre>
 *   "truce-entry v1 " kind-name LF canonical-JSON
 * </pre>
 * all UTF-8, no trailing newline. Canonical JSON is the payload as {@link TruceJson} maps it, with every object's
 * members sorted by key (Java {@code String} order, i.e. UTF-16 code units), no insignificant whitespace, strings
 * with Jackson's minimal escaping (so never a raw LF), numbers as Jackson writes them. Equal payloads always give
 * equal bytes, the same bytes the core's ledger wrote before this encoding moved out of it (leaf hashes and signed
 * checkpoints depend on them). Thread-safe; use {@link #canonical()}.
 */
public final class JsonEntryCodec implements EntryCodec {
    private static final ObjectMapper MAPPER = TruceJson.mapper();
    private static final JsonEntryCodec CANONICAL = new JsonEntryCodec();

    private JsonEntryCodec() {}

    /** The codec (stateless: one instance serves every ledger). */
    public static JsonEntryCodec canonical() {
        return CANONICAL;
    }

    @Override
    public byte[] encode(EntryKind kind, Object payload) {
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

    @Override
    public DecodedEntry decode(byte[] entry) {
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
        return new DecodedEntry(kind, new JsonPayload(kind, json));
    }

    /** The JSON tree of a decoded entry's payload (for tools that inspect entries as JSON). */
    public static JsonNode json(DecodedEntry entry) {
        if (entry.payload() instanceof JsonPayload p) return p.json();
        throw new IllegalArgumentException("not decoded by " + JsonEntryCodec.class.getSimpleName());
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

    /** A payload as the JSON tree it was decoded to. */
    private record JsonPayload(EntryKind kind, JsonNode json) implements EntryCodec.Payload {
        @Override
        public Optional<String> text(String member) {
            JsonNode n = json.get(member);
            return n == null || !n.isValueNode() || n.isNull() ? Optional.empty() : Optional.of(n.asText());
        }

        @Override
        public <T> T as(Class<T> type) {
            try {
                return MAPPER.treeToValue(json, type);
            } catch (JsonProcessingException | IllegalArgumentException e) {
                throw new EntryFormatException(kind.wireName() + " payload does not read as "
                        + type.getSimpleName() + ": " + e.getMessage());
            }
        }

        @Override
        public Optional<byte[]> entryOf(String member, EntryKind as) {
            JsonNode n = json.get(member);
            return n == null || !n.isObject() ? Optional.empty() : Optional.of(CANONICAL.encode(as, n));
        }
    }
}
