package org.truce.agreement.io;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A position in a JSON document, rendered as JSONPath ({@code $.zones[2].subtract[0]}). Immutable.
 * The rendered text doubles as the key of a {@link JsonSource}'s line index, so both must be built the same way.
 */
record JsonPath(Optional<JsonPath> parent, String text) {
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    static final JsonPath ROOT = new JsonPath(Optional.empty(), "$");

    JsonPath child(String name) {
        String seg = PLAIN.matcher(name).matches() ? "." + name : "['" + name.replace("'", "\\'") + "']";
        return new JsonPath(Optional.of(this), text + seg);
    }

    JsonPath index(int i) {
        return new JsonPath(Optional.of(this), text + "[" + i + "]");
    }

    @Override
    public String toString() {
        return text;
    }
}
