package org.truce.accounts;

import java.util.Locale;

/** A language the center's pages and reports speak; an account's preferred one applies after sign-in. */
public enum Language {
    EN, RU, TR;

    /** The lower-case code the bundles use ({@code en}, {@code ru}, {@code tr}). */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The language for a code, in any case.
     *
     * @throws AccountException naming the code and the languages there are
     */
    public static Language of(String code) {
        for (Language l : values()) {
            if (l.code().equalsIgnoreCase(code == null ? "" : code.trim())) return l;
        }
        throw new AccountException("unknown language '" + code + "': use en, ru or tr");
    }
}
