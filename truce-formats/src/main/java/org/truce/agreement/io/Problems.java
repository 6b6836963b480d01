package org.truce.agreement.io;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects the errors of one load, in the order found. Not thread-safe: one load, one thread. */
final class Problems {
    private final List<AgreementError> errors = new ArrayList<>();

    void add(AgreementError e) {
        errors.add(e);
    }

    void add(JsonSource src, JsonPath at, String reason) {
        errors.add(new AgreementError(src.fileName(), at.text(), src.lineOf(at), reason));
    }

    boolean isEmpty() {
        return errors.isEmpty();
    }

    /** Every error: the agreement file's first, then other files by name; within a file by line (stable). */
    List<AgreementError> all() {
        return errors.stream().sorted(Comparator
                .comparing((AgreementError e) -> !e.file().equals(AgreementLoader.FILE))
                .thenComparing(AgreementError::file)
                .thenComparingInt(AgreementError::line)).toList();
    }
}
