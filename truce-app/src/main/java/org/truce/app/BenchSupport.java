package org.truce.app;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What the {@code truce bench} modes share: parsing their bounds, and a center of their own on a data directory
 * (the one {@link CenterRuntime} every command uses), for real sensors on its sensors' time, bound to loopback on a
 * free port, with its operational data public (nothing leaves the machine) and only the adapters a mode needs.
 * Stateless.
 */
final class BenchSupport {
    private BenchSupport() {}

    /** A center a benchmark started, and where it listens. */
    record OwnCenter(CenterRuntime runtime, Path data, int mavlinkPort) implements AutoCloseable {
        java.net.URI uri() {
            return runtime.uri();
        }

        @Override
        public void close() {
            runtime.close();
        }
    }

    /**
     * Starts a center on {@code data}: {@code center.clock=sensors}, adapters off except MAVLink on {@code
     * mavlinkPort} (0: off), the scenario's simulated assets registered with tokens when {@code simulatedAssets}.
     */
    static OwnCenter startCenter(Path scenario, Path data, int mavlinkPort, boolean simulatedAssets, PrintWriter log) {
        Settings s = Settings.load(Optional.empty(), Map.of())
                .with("center.clock", "sensors", "bench")
                .with("http.operational-data", "public", "bench")
                .with("ingest.simulated-assets", Boolean.toString(simulatedAssets), "bench")
                .with("ingest.mavlink.port", Integer.toString(mavlinkPort), "bench")
                .with("ingest.cot.tcp-port", "0", "bench")
                .with("ingest.cot.udp-port", "0", "bench")
                .with("ingest.klv.port", "0", "bench")
                .with("ingest.mqtt.host", "", "bench");
        CenterRuntime runtime = CenterRuntime.start(new CenterRuntime.Options(scenario, data, "127.0.0.1", 0, s,
                Optional.empty(), Map.of()), log);
        return new OwnCenter(runtime, data, mavlinkPort);
    }

    /** A UDP port free now (the center binds it a moment later). */
    static int freeUdpPort() {
        try (DatagramSocket s = new DatagramSocket(0)) {
            return s.getLocalPort();
        } catch (SocketException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path scenario(Path given) {
        return given != null ? given : Scenarios.defaultScenario();
    }

    /** {@code 30s}, {@code 2m}, {@code 24h}, {@code 1d} or ISO-8601, within {@code (0, max]}. */
    static Duration duration(String text, String option, Duration max) {
        Duration d;
        try {
            d = SimulateCommand.parseDuration(text);
        } catch (UserError e) {
            throw new UserError(option + " '" + text + "' is not a duration such as 30s, 2m or PT30S");
        }
        if (d.compareTo(max) > 0) throw new UserError(option + " " + text + " is longer than the bound " + max);
        return d;
    }

    static void checkRange(String option, double value, double min, double max) {
        if (!(value >= min && value <= max)) {
            throw new UserError(option + " " + value + " is outside " + min + ".." + max);
        }
    }

    /** A fresh temporary data directory. */
    static Path tempData(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary data directory: " + e.getMessage(), e);
        }
    }

    /** Deletes a directory tree the benchmark made. */
    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) return;
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // best effort: a temp directory left behind is harmless
                }
            });
        } catch (IOException ignored) {
            // best effort
        }
    }

    /** A writer that drops everything: the center's own start-up lines, when a benchmark is quiet. */
    static PrintWriter nowhere() {
        return new PrintWriter(OutputStream.nullOutputStream(), true);
    }

    static String seconds(long nanos) {
        return String.format(java.util.Locale.ROOT, "%.2f s", nanos / 1e9);
    }
}
