package org.truce.ledger;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A C2SP signed note: the body (text ending in LF), one empty line, then one or more signature lines.
 * Immutable.
 */
public record SignedNote(String body, List<NoteSignature> signatures) {
    public SignedNote {
        Objects.requireNonNull(body);
        if (!body.endsWith("\n")) throw new IllegalArgumentException("note body does not end with LF");
        signatures = List.copyOf(signatures);
    }

    /** The full note text. */
    public String text() {
        StringBuilder b = new StringBuilder(body).append('\n');
        for (NoteSignature s : signatures) b.append(s.line()).append('\n');
        return b.toString();
    }

    public SignedNote with(NoteSignature signature) {
        List<NoteSignature> all = new ArrayList<>(signatures);
        all.add(signature);
        return new SignedNote(body, all);
    }

    /** Parses note text, splitting at the last blank line as the signed-note spec does. */
    public static SignedNote parse(String text) {
        int split = text.lastIndexOf("\n\n");
        if (split < 0) throw new IllegalArgumentException("note has no blank line before its signatures");
        String body = text.substring(0, split + 1);
        String sigs = text.substring(split + 2);
        if (!sigs.endsWith("\n")) throw new IllegalArgumentException("note does not end with LF");
        List<NoteSignature> list = new ArrayList<>();
        String[] lines = sigs.substring(0, sigs.length() - 1).split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            try {
                list.add(NoteSignature.parseLine(lines[i]));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("signature line " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        if (list.isEmpty()) throw new IllegalArgumentException("note has no signature");
        return new SignedNote(body, list);
    }
}
