package org.truce.ledger;

/** The signed-note rule for key names: not empty, no Unicode spaces, no '+'. */
final class NoteKeyNames {
    private NoteKeyNames() {}

    static String check(String name) {
        if (name.isEmpty()) throw new IllegalArgumentException("key name is empty");
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '+' || Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                throw new IllegalArgumentException("key name \"" + name + "\" contains a space or '+'");
            }
        }
        return name;
    }
}
