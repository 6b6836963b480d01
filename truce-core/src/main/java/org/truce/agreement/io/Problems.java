package org.truce.agreement.io;

import java.util.ArrayList;
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

    int size() {
        return errors.size();
    }

    List<AgreementError> all() {
        return List.copyOf(errors);
    }
}
