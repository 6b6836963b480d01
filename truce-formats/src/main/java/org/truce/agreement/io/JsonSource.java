package org.truce.agreement.io;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One parsed JSON file of a scenario: its tree plus the line of every value, so errors found later while
 * interpreting the tree can still name a line. Immutable once parsed.
 *
 * <p>Jackson's tree nodes carry no location, so the file is read twice: once as a token stream that records
 * the line of each value by JSON path, once as a tree. Scenario files are small; the cost is negligible.
 */
final class JsonSource {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private final String fileName;
    private final JsonNode root;
    private final Map<String, Integer> lines;

    private JsonSource(String fileName, JsonNode root, Map<String, Integer> lines) {
        this.fileName = fileName;
        this.root = root;
        this.lines = lines;
    }

    /** The file name as reported in errors (relative to the scenario folder). */
    String fileName() {
        return fileName;
    }

    JsonNode root() {
        return root;
    }

    /** Line of the value at {@code path}, else of its nearest enclosing value; 0 if none is known. */
    int lineOf(JsonPath path) {
        Optional<JsonPath> p = Optional.of(path);
        while (p.isPresent()) {
            Integer line = lines.get(p.get().text());
            if (line != null) return line;
            p = p.get().parent();
        }
        return 0;
    }

    /**
     * Parses {@code bytes} as one JSON document, or reports why not (with the line and path where parsing stopped).
     * Duplicate keys in an object count as malformed.
     */
    static Optional<JsonSource> parse(String fileName, byte[] bytes, Problems problems) {
        Map<String, Integer> lines = new HashMap<>();
        Deque<Frame> stack = new ArrayDeque<>();
        try (JsonParser p = MAPPER.getFactory().createParser(bytes)) {
            boolean rootDone = false;
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (rootDone) {
                    problems.add(new AgreementError(fileName, "$", p.currentTokenLocation().getLineNr(),
                            "malformed JSON: unexpected content after the end of the document"));
                    return Optional.empty();
                }
                int line = p.currentTokenLocation().getLineNr();
                switch (t) {
                    case FIELD_NAME -> {
                        Frame f = stack.element();
                        f.pending = f.path.child(p.currentName());
                        lines.putIfAbsent(f.pending.text(), line);
                    }
                    case END_OBJECT, END_ARRAY -> {
                        stack.pop();
                        rootDone = stack.isEmpty();
                    }
                    default -> {
                        JsonPath here = next(stack);
                        lines.putIfAbsent(here.text(), line);
                        if (t == JsonToken.START_OBJECT) stack.push(new Frame(false, here));
                        else if (t == JsonToken.START_ARRAY) stack.push(new Frame(true, here));
                        else rootDone = stack.isEmpty();
                    }
                }
            }
            if (lines.isEmpty()) {
                problems.add(new AgreementError(fileName, "$", 0, "malformed JSON: the file is empty"));
                return Optional.empty();
            }
            return Optional.of(new JsonSource(fileName, MAPPER.readTree(bytes), Map.copyOf(lines)));
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : Math.max(0, e.getLocation().getLineNr());
            problems.add(new AgreementError(fileName, current(stack).text(), line,
                    "malformed JSON: " + e.getOriginalMessage()));
            return Optional.empty();
        } catch (IOException e) {
            problems.add(new AgreementError(fileName, "$", 0, "cannot read: " + e.getMessage()));
            return Optional.empty();
        }
    }

    private static JsonPath next(Deque<Frame> stack) {
        if (stack.isEmpty()) return JsonPath.ROOT;
        Frame f = stack.element();
        if (f.array) {
            f.index++;
            return f.path.index(f.index);
        }
        return f.pending;
    }

    private static JsonPath current(Deque<Frame> stack) {
        if (stack.isEmpty()) return JsonPath.ROOT;
        Frame f = stack.element();
        if (f.array) return f.index < 0 ? f.path : f.path.index(f.index);
        return f.pending == null ? f.path : f.pending;
    }

    /** An open object or array while streaming. */
    private static final class Frame {
        final boolean array;
        final JsonPath path;
        int index = -1;
        JsonPath pending;

        Frame(boolean array, JsonPath path) {
            this.array = array;
            this.path = path;
        }
    }
}
