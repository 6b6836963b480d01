package org.truce.ledger;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A tree head in the C2SP tlog-checkpoint format: the note body
 * <pre>
 *   origin LF
 *   tree size in decimal (no leading zeros) LF
 *   base64(root hash) LF
 *   [extension line LF]*
 * </pre>
 * Immutable.
 *
 * @param origin     the log's unique name (e.g. {@code truce/karabakh-2020}); no LF, not empty
 * @param extensions optional further non-empty lines, kept in order
 */
public record Checkpoint(String origin, long treeSize, Hash root, List<String> extensions) {
    public Checkpoint {
        Objects.requireNonNull(origin); Objects.requireNonNull(root);
        if (origin.isEmpty() || origin.indexOf('\n') >= 0) throw new IllegalArgumentException("bad origin line");
        if (treeSize < 0) throw new IllegalArgumentException("negative tree size");
        extensions = List.copyOf(extensions);
        for (String e : extensions) {
            if (e.isEmpty() || e.indexOf('\n') >= 0) throw new IllegalArgumentException("bad extension line");
        }
    }

    public Checkpoint(String origin, TreeHead head) {
        this(origin, head.size(), head.root(), List.of());
    }

    public TreeHead head() {
        return new TreeHead(treeSize, root);
    }

    /** The note body: every line, each ending in LF. */
    public String body() {
        StringBuilder b = new StringBuilder();
        b.append(origin).append('\n').append(treeSize).append('\n').append(root.base64()).append('\n');
        for (String e : extensions) b.append(e).append('\n');
        return b.toString();
    }

    /** Parses a note body; throws {@link IllegalArgumentException} naming the bad line. */
    public static Checkpoint parse(String body) {
        if (!body.endsWith("\n")) throw new IllegalArgumentException("checkpoint body does not end with LF");
        String[] lines = body.substring(0, body.length() - 1).split("\n", -1);
        if (lines.length < 3) throw new IllegalArgumentException("checkpoint has " + lines.length + " lines, needs 3");
        if (!lines[1].matches("0|[1-9][0-9]{0,18}")) {
            throw new IllegalArgumentException("line 2: tree size \"" + lines[1] + "\" is not a decimal number");
        }
        Hash root;
        try {
            root = Hash.ofBase64(lines[2]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("line 3: root hash: " + e.getMessage(), e);
        }
        List<String> ext = new ArrayList<>(List.of(lines).subList(3, lines.length));
        for (int i = 0; i < ext.size(); i++) {
            if (ext.get(i).isEmpty()) throw new IllegalArgumentException("line " + (i + 4) + ": empty extension line");
        }
        if (lines[0].isEmpty()) throw new IllegalArgumentException("line 1: empty origin");
        return new Checkpoint(lines[0], Long.parseLong(lines[1]), root, ext);
    }
}
