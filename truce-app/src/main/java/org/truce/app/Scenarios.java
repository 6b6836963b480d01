package org.truce.app;

import java.nio.file.Files;
import java.nio.file.Path;
import org.truce.agreement.Agreement;
import org.truce.agreement.io.AgreementException;
import org.truce.agreement.io.AgreementLoader;

/** Finding and loading scenario folders for the commands. */
final class Scenarios {
    static final String DEFAULT = "scenarios/karabakh-2020";

    private Scenarios() {}

    /**
     * The default scenario: relative to the working directory, else to {@code TRUCE_HOME} (set by the
     * {@code truce} script to the checkout), so {@code ./truce demo} works from anywhere.
     */
    static Path defaultScenario() {
        Path local = Path.of(DEFAULT);
        if (Files.isDirectory(local)) return local;
        String home = System.getenv("TRUCE_HOME");
        if (home != null && Files.isDirectory(Path.of(home, DEFAULT))) return Path.of(home, DEFAULT);
        throw new UserError("cannot find " + DEFAULT + " (run from the Truce checkout, or pass --scenario DIR)");
    }

    /** Loads an agreement or turns its errors into one user error listing them all. */
    static Agreement load(Path dir) {
        try {
            return AgreementLoader.load(dir);
        } catch (AgreementException e) {
            StringBuilder sb = new StringBuilder("the agreement in " + dir + " is not valid; nothing was started:");
            e.errors().forEach(err -> sb.append(System.lineSeparator()).append("  ").append(err));
            throw new UserError(sb.toString(), e);
        }
    }
}
