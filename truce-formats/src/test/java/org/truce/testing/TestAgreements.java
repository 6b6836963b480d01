package org.truce.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.truce.agreement.Agreement;
import org.truce.agreement.io.AgreementLoader;

/**
 * Test fixtures: the shipped scenarios, found by walking up from the working directory to the {@code scenarios/}
 * folder (so they work from any module's tests), and loaded once per JVM. Agreements are immutable, so sharing
 * them between tests and threads is safe.
 */
public final class TestAgreements {
    private TestAgreements() {}

    /** The repository's root: the nearest folder above the working directory holding {@code scenarios/karabakh-2020}. */
    public static Path repoRoot() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null) {
            if (Files.isDirectory(p.resolve("scenarios").resolve("karabakh-2020"))) return p;
            p = p.getParent();
        }
        throw new IllegalStateException("no scenarios/ folder above " + Path.of("").toAbsolutePath());
    }

    /** The repository's {@code scenarios/} folder. */
    public static Path scenariosDir() {
        return repoRoot().resolve("scenarios");
    }

    /**
     * The complete small example agreement of {@code docs/agreement-format.md} (self-contained, no zone files):
     * a handy base for tests that need a small agreement or a broken variant of one.
     */
    public static String exampleAgreementJson() {
        try {
            String doc = Files.readString(repoRoot().resolve("docs").resolve("agreement-format.md"));
            int section = doc.indexOf("## A complete example");
            int start = doc.indexOf("```json\n", section) + "```json\n".length();
            int end = doc.indexOf("```", start);
            if (section < 0 || start < section || end < 0) throw new IllegalStateException("no example in the format doc");
            return doc.substring(start, end);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes {@code json} as {@code dir/agreement.json} and returns {@code dir}. */
    public static Path writeAgreement(Path dir, String json) {
        try {
            Files.writeString(dir.resolve(AgreementLoader.FILE), json);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The folder of a shipped scenario, e.g. {@code karabakh-2020}. */
    public static Path scenarioDir(String name) {
        return scenariosDir().resolve(name);
    }

    /** The shipped Karabakh 2020 agreement ({@code scenarios/karabakh-2020}). */
    public static Agreement karabakh() {
        return Karabakh.AGREEMENT;
    }

    /** The shipped Idlib 2020 agreement ({@code scenarios/idlib-2020}). */
    public static Agreement idlib() {
        return Idlib.AGREEMENT;
    }

    /** Loads a shipped scenario afresh. */
    public static Agreement load(String name) {
        return AgreementLoader.load(scenarioDir(name));
    }

    private static final class Karabakh {
        static final Agreement AGREEMENT = load("karabakh-2020");
    }

    private static final class Idlib {
        static final Agreement AGREEMENT = load("idlib-2020");
    }
}
