package org.truce.agreement.io;

import java.util.Objects;

/**
 * One problem found while loading an agreement: where it is and why it is wrong. Immutable.
 *
 * @param file     the file, relative to the scenario folder with {@code /} separators (e.g. {@code agreement.json},
 *                 {@code zones/am-held.geojson})
 * @param jsonPath where in that file, as a JSONPath such as {@code $.provisions[3].versions[0].rules[1].zone};
 *                 {@code $} for the whole file
 * @param line     1-based line of the offending value (or of its enclosing object when the value is missing);
 *                 0 when unknown
 * @param reason   what is wrong, in words a scenario author can act on
 */
public record AgreementError(String file, String jsonPath, int line, String reason) {
    public AgreementError {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(jsonPath, "jsonPath");
        Objects.requireNonNull(reason, "reason");
        if (line < 0) throw new IllegalArgumentException("line < 0");
    }

    /** {@code agreement.json:57 $.provisions[3].versions[0].rules[1].zone : unknown zone 'foo'}; no {@code :line} when unknown. */
    @Override
    public String toString() {
        return file + (line > 0 ? ":" + line : "") + " " + jsonPath + " : " + reason;
    }
}
