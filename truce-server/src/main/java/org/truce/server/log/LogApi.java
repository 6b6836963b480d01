package org.truce.server.log;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.truce.ledger.CheckpointRecord;
import org.truce.ledger.CheckpointStore;
import org.truce.ledger.Hash;
import org.truce.ledger.Ledger;
import org.truce.server.api.ProblemException;
import org.truce.server.api.QueryParams;

/**
 * The transparency log over HTTP (docs/transparency-log.md): the latest co-signed checkpoint, an entry with its
 * RFC 9162 inclusion proof, and a consistency proof between two tree sizes — everything a third party needs to
 * check the center's record without trusting the server. Hashes are base64, as in the checkpoint format.
 * Thread-safe; the source is set once when the center wires its log.
 */
public final class LogApi {
    /** The log a running center serves. */
    public record Source(Ledger ledger, CheckpointStore checkpoints) {
        public Source {
            Objects.requireNonNull(ledger); Objects.requireNonNull(checkpoints);
        }
    }

    private volatile Optional<Source> source = Optional.empty();

    public void serve(Source s) {
        source = Optional.of(s);
    }

    private Source source() {
        return source.orElseThrow(() -> ProblemException.notFound("log",
                "this server has no transparency log (it is wired by truce serve)"));
    }

    /** GET /api/log/checkpoint: the latest checkpoint as JSON, or as the signed note with {@code ?format=note}. */
    public void checkpoint(Context ctx) {
        QueryParams q = new QueryParams(ctx.queryParamMap(), List.of("format"));
        Optional<String> format = q.oneOf("format", List.of("json", "note"), f -> f);
        List<CheckpointRecord> all = source().checkpoints().checkpoints();
        if (all.isEmpty()) throw ProblemException.notFound("checkpoint", "no checkpoint has been signed yet");
        CheckpointRecord latest = all.getLast();
        if (format.orElse("json").equals("note")) {
            ctx.contentType("text/plain; charset=utf-8").result(latest.note());
            return;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("treeSize", latest.treeSize());
        out.put("at", latest.at().toString());
        out.put("note", latest.note());
        out.put("checkpoints", all.size());
        out.put("logSize", source().ledger().size());
        ctx.json(out);
    }

    /** GET /api/log/entries/{index}?treeSize=N: the entry, its leaf hash and its inclusion proof in tree N. */
    public void entry(Context ctx) {
        Source s = source();
        long size = s.ledger().size();
        long index = index(ctx.pathParam("index"), size);
        QueryParams q = new QueryParams(ctx.queryParamMap(), List.of("treeSize"));
        long treeSize = q.string("treeSize").map(v -> parseSize("treeSize", v, size)).orElse(defaultSize(s, size));
        if (index >= treeSize) {
            throw ProblemException.badParameter("treeSize", "entry " + index + " is not in a tree of size " + treeSize);
        }
        byte[] entry = s.ledger().store().entry(index).orElseThrow(() ->
                ProblemException.notFound("index", "entry " + index + " is missing from the store"));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("index", index);
        out.put("treeSize", treeSize);
        out.put("entry", Base64.getEncoder().encodeToString(entry));
        out.put("text", new String(entry, StandardCharsets.UTF_8));
        out.put("leafHash", s.ledger().leafHash(index).base64());
        out.put("rootHash", s.ledger().root(treeSize).base64());
        out.put("inclusionProof", base64(s.ledger().inclusionProof(index, treeSize)));
        ctx.json(out);
    }

    /** GET /api/log/consistency?first=M&second=N: the RFC 9162 consistency proof from tree M to tree N. */
    public void consistency(Context ctx) {
        Source s = source();
        long size = s.ledger().size();
        QueryParams q = new QueryParams(ctx.queryParamMap(), List.of("first", "second"));
        long first = parseSize("first", q.string("first").orElseThrow(() ->
                ProblemException.badParameter("first", "first (the older tree size) is required")), size);
        long second = q.string("second").map(v -> parseSize("second", v, size)).orElse(size);
        if (first < 1 || first > second) {
            throw ProblemException.badParameter("first", "need 1 <= first <= second, got first=" + first
                    + ", second=" + second);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("first", first);
        out.put("second", second);
        out.put("firstRoot", s.ledger().root(first).base64());
        out.put("secondRoot", s.ledger().root(second).base64());
        out.put("consistencyProof", base64(s.ledger().consistencyProof(first, second)));
        ctx.json(out);
    }

    /** Proofs default to the latest checkpoint's size, so they verify against a co-signed root. */
    private static long defaultSize(Source s, long size) {
        List<CheckpointRecord> all = s.checkpoints().checkpoints();
        return all.isEmpty() ? size : Math.min(size, all.getLast().treeSize());
    }

    private static long index(String text, long size) {
        try {
            long i = Long.parseLong(text);
            if (i < 0 || i >= size) {
                throw ProblemException.notFound("index", "no entry " + i + " (the log has " + size + " entries)");
            }
            return i;
        } catch (NumberFormatException e) {
            throw ProblemException.badParameter("index", "'" + text + "' is not an entry index (0, 1, 2 …)");
        }
    }

    private static long parseSize(String name, String text, long size) {
        try {
            long v = Long.parseLong(text);
            if (v < 0 || v > size) {
                throw ProblemException.badParameter(name, name + " " + v + " is outside 0.." + size);
            }
            return v;
        } catch (NumberFormatException e) {
            throw ProblemException.badParameter(name, "'" + text + "' is not a tree size");
        }
    }

    private static List<String> base64(List<Hash> hashes) {
        return hashes.stream().map(Hash::base64).toList();
    }
}
