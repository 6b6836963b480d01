package org.truce.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.truce.rules.Incident;
import org.truce.store.jdbc.JdbcStore;
import org.truce.testing.TestAgreements;

/**
 * A data directory written once per test JVM by {@code truce simulate --data} over 4 simulated hours, shared by
 * the suites that read one ({@code truce export}, {@code truce report daily}): the simulation is the slow part.
 * 4 h, not less: the simulator places violations no later than 3 h before the run's end (so each can be observed
 * to its end), so a shorter run has no incidents and would prove nothing. Readers must not change it. Deleted when
 * the JVM exits.
 *
 * @param data   the data directory
 * @param stored the incidents the store holds after the run
 */
record SimulatedDataDirectory(Path data, List<Incident> stored) {
    private static SimulatedDataDirectory instance;

    static synchronized SimulatedDataDirectory get() {
        if (instance == null) instance = simulate();
        return instance;
    }

    static String scenario() {
        return TestAgreements.scenarioDir("karabakh-2020").toString();
    }

    private static SimulatedDataDirectory simulate() {
        try {
            Path root = Files.createTempDirectory("truce-simulated-data");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(root)));
            Path data = root.resolve("data");
            Cli r = Cli.run("simulate", "--scenario", scenario(), "--duration", "4h", "--headless", "--quiet",
                    "--data", data.toString());
            assertThat(r.exitCode()).as(r.err()).isZero();
            List<Incident> stored;
            try (JdbcStore store = JdbcStore.h2(data)) {
                stored = store.incidents().all();
            }
            assertThat(stored).as("a simulated 4 h should raise incidents; simulate said:%n%s", r.out()).isNotEmpty();
            return new SimulatedDataDirectory(data, stored);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path root) {
        try (Stream<Path> all = Files.walk(root)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind is not worth failing the build over
        }
    }
}
